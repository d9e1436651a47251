"""Roles → permissions and querysets (docs/dev/roles.md)."""

import pytest

from familiennetz.alliances.config import alliance_config
from familiennetz.directory.models import Offer, Organisation
from familiennetz.directory.tests.factories import OfferFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_provider_can_change_only_her_organisations_offers(provider):
    own = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    foreign = OfferFactory(alliance=provider.alliance)
    assert provider.user.has_perm("directory.change_offer", own)
    assert not provider.user.has_perm("directory.change_offer", foreign)
    assert list(Offer.objects.visible_to(provider.user)) == [own]
    assert list(Offer.objects.editable_by(provider.user)) == [own]


def test_provider_publishes_directly_only_when_the_alliance_allows_it(provider):
    own = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    assert alliance_config(provider.alliance).providers_need_review
    assert not provider.user.has_perm("directory.publish_offer", own)
    provider.alliance.settings = {"publication_workflow": "direct"}
    provider.alliance.save()
    own.refresh_from_db()
    assert provider.user.has_perm("directory.publish_offer", own)


def test_viewer_and_state_office_read_everything_but_change_nothing(viewer, state_office_user):
    offer = OfferFactory(alliance=viewer.alliance)
    for user in (viewer.user, state_office_user.user):
        assert list(Offer.objects.visible_to(user)) == [offer]
        assert not Offer.objects.editable_by(user).exists()
        assert not user.has_perm("directory.change_offer", offer)
        assert not user.has_perm("events.view_registrations", offer)
        assert user.has_perm("alliances.view_workspace", viewer.alliance)


def test_state_office_sees_only_its_alliances(state_office_user, other_alliance):
    OfferFactory(alliance=other_alliance)
    assert (
        not Offer.objects.visible_to(state_office_user.user)
        .filter(alliance=other_alliance)
        .exists()
    )
    assert not state_office_user.user.has_perm("alliances.view_workspace", other_alliance)


def test_coordinator_of_another_alliance_sees_nothing_here(outsider, alliance):
    offer = OfferFactory(alliance=alliance)
    assert not outsider.user.has_perm("directory.change_offer", offer)
    assert not Offer.objects.visible_to(outsider.user).filter(pk=offer.pk).exists()


def test_steering_member_edits_all_but_does_not_moderate(steering_member):
    offer = OfferFactory(alliance=steering_member.alliance)
    assert steering_member.user.has_perm("directory.change_offer", offer)
    assert steering_member.user.has_perm("directory.publish_offer", offer)
    assert not steering_member.user.has_perm("moderation.review", steering_member.alliance)
    assert not steering_member.user.has_perm("alliances.manage_members", steering_member.alliance)


def test_instance_admin_may_do_everything(instance_admin, other_alliance):
    offer = OfferFactory(alliance=other_alliance)
    assert instance_admin.user.has_perm("directory.change_offer", offer)
    assert instance_admin.user.has_perm("moderation.review", other_alliance)
    assert Organisation.objects.visible_to(instance_admin.user).count() == 1


def test_anonymous_and_inactive_users_have_no_access(provider, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    offer = OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
    assert not AnonymousUser().has_perm("directory.view_offer", offer)
    provider.user.is_active = False
    provider.user.save()
    user = django_user_model.objects.get(pk=provider.user.pk)
    assert not user.has_perm("directory.view_offer", offer)
    assert not Offer.objects.visible_to(user).exists()


def test_permission_checks_load_the_roles_once_per_user(provider, django_assert_num_queries):
    offers = [
        OfferFactory(alliance=provider.alliance, organisation=provider.organisation)
        for _i in range(5)
    ]
    other = OrganisationFactory(alliance=provider.alliance)
    with django_assert_num_queries(3):  # memberships, their organisations, state offices
        for offer in offers:
            assert provider.user.has_perm("directory.change_offer", offer)
        assert not provider.user.has_perm("directory.change_organisation", other)


def test_alliance_config_ignores_broken_values(alliance):
    alliance.settings = {
        "review_cycle_days": "twelve",
        "publication_workflow": "sometimes",
        "grace_days": -3,
        "require_two_factor": True,
    }
    config = alliance_config(alliance)
    assert config.review_cycle_days == 365
    assert config.publication_workflow == "review"
    assert config.grace_days == 60
    assert config.require_two_factor is True
