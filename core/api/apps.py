from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "core.api"
    label = "stent_api"
    verbose_name = "Stent API"

    def ready(self):
        from core.api.fields import bound_model_date_times  # needs the apps loaded

        bound_model_date_times()
