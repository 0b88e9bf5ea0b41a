from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "core.api"
    label = "stent_api"
    verbose_name = "Stent API"

    def ready(self):
        from core.api.fields import bound_model_date_times

        bound_model_date_times()
