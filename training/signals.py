"""Every working group has its toolkit from the moment the group exists."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from membership.models import WorkingGroup
from training.models import Toolkit


@receiver(post_save, sender=WorkingGroup, dispatch_uid="training.toolkit_for_group")
def give_the_group_a_toolkit(sender, instance, created, raw=False, **kwargs):
    if not raw:
        Toolkit.objects.get_or_create(working_group=instance)
