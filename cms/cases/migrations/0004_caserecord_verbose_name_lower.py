from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0003_decorative_images'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='caserecord',
            options={'ordering': ['-received_date', 'case_id'], 'verbose_name': 'case', 'verbose_name_plural': 'case'},
        ),
    ]
