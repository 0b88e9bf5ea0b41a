from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "core.api"
    label = "stent_api"
    verbose_name = "Stent API"
