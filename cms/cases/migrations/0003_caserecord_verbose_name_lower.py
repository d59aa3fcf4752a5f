from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0002_initial'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='caserecord',
            options={'ordering': ['-received_date', 'case_id'], 'verbose_name': 'case', 'verbose_name_plural': 'case'},
        ),
    ]
