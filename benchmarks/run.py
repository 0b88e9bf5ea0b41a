"""Run the list-throughput benchmarks: `python -m benchmarks.run [--rows N] [--requests N]`.

Each case's endpoint is compared with a raw `JsonResponse(list(qs.values(...)))` view over the
same privacy-filtered rows, on a fresh test database (SQLite, or DATABASE_URL), anonymous and
signed in with the app's session token (`X-Session-Token`, as the mobile client calls). Rounds
alternate endpoint and raw view; the ratio printed is the median of the per-round ratios (the
machine may be shared: a median of alternating rounds resists the noise). The target is a
ratio of at least 0.8 (0.95 for the notes case).
"""
import argparse
import os
import statistics
import time

PAGE_SIZE = 50


def measure(client, url, params, requests, headers, page_param="page_size"):
    start = time.perf_counter()
    for _ in range(requests):
        response = client.get(url, {page_param: PAGE_SIZE, **params}, headers=headers)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return requests / (time.perf_counter() - start)


def session_token(user):
    """A signed-in session's key, as the app client holds it after signing in."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def _seed_needed(cases, index, only):
    """Whether ``--only`` keeps the case at ``index`` or one of the seedless cases after it
    (which read its rows): seeding the others would only slow the run down."""
    group = [cases[index]]
    for case in cases[index + 1:]:
        if case.seed is not None:
            break
        group.append(case)
    return not only or any(only in case.name for case in group)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--viewers", default="anonymous,token",
                        help="comma-separated: anonymous, token")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    import logging

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from benchmarks.cases import CASES

    # One log line per request would be the same for both sides: kept, but not printed.
    logging.getLogger("stent.request").propagate = False
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    viewers = [name for name in args.viewers.split(",") if name]
    try:
        viewer = get_user_model().objects.create_user(email="bench-viewer@stent.example",
                                                      password="x")
        headers = {"anonymous": {}, "token": {"X-Session-Token": session_token(viewer)}}
        client = Client()
        print(f"# {connection.vendor}, {args.rows} rows, {args.requests} requests x "
              f"{args.rounds} rounds, load average {os.getloadavg()[0]:.2f}", flush=True)
        print(f"{'case':<36} {'viewer':<9} {'endpoint req/s':>14} {'raw req/s':>10} "
              f"{'ratio':>6}", flush=True)
        results = []
        for index, case in enumerate(CASES):
            if case.seed is not None and _seed_needed(CASES, index, args.only):
                case.seed(viewer, args.rows)
            if args.only and args.only not in case.name:
                continue
            for viewer_name in [name for name in viewers if name in case.viewers]:
                auth = headers[viewer_name]
                raw_url = f"/bench/raw/{index}/"
                measure(client, case.endpoint, case.params, 20, auth,
                        case.page_param)  # warm caches
                measure(client, raw_url, {}, 20, auth)
                ratios, endpoint_rates, raw_rates = [], [], []
                for _ in range(args.rounds):  # alternating rounds
                    endpoint_rates.append(measure(client, case.endpoint, case.params,
                                                  args.requests, auth, case.page_param))
                    raw_rates.append(measure(client, raw_url, {}, args.requests, auth))
                    ratios.append(endpoint_rates[-1] / raw_rates[-1])
                ratio = statistics.median(ratios)
                target = 0.95 if case.name.startswith("notes") else 0.8
                flag = "" if ratio >= target else f"  (below the {target} target)"
                results.append((case.name, viewer_name, ratio))
                print(f"{case.name:<36} {viewer_name:<9} "
                      f"{statistics.median(endpoint_rates):>14.0f} "
                      f"{statistics.median(raw_rates):>10.0f} {ratio:>6.2f}{flag}", flush=True)
        print(f"# load average at the end {os.getloadavg()[0]:.2f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
