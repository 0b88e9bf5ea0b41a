"""Run the list-throughput benchmarks: `python -m benchmarks.run [--rows N] [--requests N]`.

Each case's endpoint is compared with a raw `JsonResponse(list(qs.values(...)))` view over the
same privacy-filtered rows, on a fresh test database (SQLite, or DATABASE_URL). The target is a
ratio of at least 0.8.
"""
import argparse
import os
import time


def measure(client, url, requests):
    start = time.perf_counter()
    for _ in range(requests):
        response = client.get(url, {"page_size": 50})
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
    return requests / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from benchmarks.cases import CASES

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        viewer = get_user_model().objects.create_user(email="bench-viewer@stent.example",
                                                      password="x")
        client = Client()
        client.force_login(viewer)
        print(f"{'case':<28} {'endpoint req/s':>15} {'raw req/s':>10} {'ratio':>6}")
        for index, case in enumerate(CASES):
            case.seed(viewer, args.rows)
            endpoint_best = raw_best = 0.0
            measure(client, case.endpoint, 20)  # warm caches
            for _ in range(args.rounds):  # interleaved rounds, best of each
                endpoint_best = max(endpoint_best, measure(client, case.endpoint, args.requests))
                raw_best = max(raw_best, measure(client, f"/bench/raw/{index}/", args.requests))
            ratio = endpoint_best / raw_best
            flag = "" if ratio >= 0.8 else "  (below the 0.8 target)"
            print(f"{case.name:<28} {endpoint_best:>15.0f} {raw_best:>10.0f} {ratio:>6.2f}{flag}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
