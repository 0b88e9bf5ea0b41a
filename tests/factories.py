"""factory_boy factories shared by the whole suite (each app may add its own module)."""
import factory
from django.contrib.auth import get_user_model

from core.communities.models import Community, Membership
from core.identity.models import CircleMembership


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@stent.example")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community

    name = factory.Sequence(lambda n: f"Community {n}")
    slug = factory.Sequence(lambda n: f"community-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    community = factory.SubFactory(CommunityFactory)
    member = factory.SubFactory(UserFactory)


class CircleMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CircleMembership

    owner = factory.SubFactory(UserFactory)
    member = factory.SubFactory(UserFactory)
    relation = CircleMembership.Relation.RELATIVE
    status = CircleMembership.Status.ACCEPTED
