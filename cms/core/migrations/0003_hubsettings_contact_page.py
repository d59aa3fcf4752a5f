import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_seed_sdgs'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AddField(
            model_name='hubsettings',
            name='contact_page',
            field=models.ForeignKey(blank=True, help_text='Sidan som visar kontaktuppgifterna ovan. Sidfoten länkar till den.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='Kontaktsida'),
        ),
    ]
