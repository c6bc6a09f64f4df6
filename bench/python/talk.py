"""The talk's programs (requests, multiprocessing.Pool, ThreadPool, aiohttp) against one URL base.

python3 talk.py MODE BASE_URL N WORKERS CONCURRENCY  ->  one JSON line: {"mode", "n", "ok", "totalMs"}
totalMs runs from before the pool (or session) is created to the last response: start-up included.
"""
import asyncio
import json
import sys
import time


def get(url):
    import requests
    response = requests.get(url)
    return response.status_code == 200


def blocking(mode, urls, workers):
    if mode == 'sequential':
        import requests
        session = requests  # the talk's requests.get, one connection per request
        return sum(1 for url in urls if session.get(url).status_code == 200)
    if mode == 'processes':
        from multiprocessing import Pool
    else:
        from multiprocessing.pool import ThreadPool as Pool
    with Pool(processes=workers) as pool:
        return sum(pool.map(get, urls))


async def run_async(urls, concurrency):
    from aiohttp import ClientSession, TCPConnector
    ok = 0
    limit = asyncio.Semaphore(concurrency)
    async with ClientSession(connector=TCPConnector(limit=concurrency)) as session:
        async def one(url):
            nonlocal ok
            async with limit:
                async with session.get(url) as response:
                    await response.read()
                    ok += response.status == 200
        await asyncio.gather(*(one(url) for url in urls))
    return ok


def main():
    mode, base, n, workers, concurrency = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    urls = [f'{base}/r/{i}' for i in range(n)]
    start = time.perf_counter()
    ok = asyncio.run(run_async(urls, concurrency)) if mode == 'async' else blocking(mode, urls, workers)
    total = (time.perf_counter() - start) * 1000
    print(json.dumps({'mode': mode, 'n': n, 'ok': ok, 'totalMs': total}))


if __name__ == '__main__':
    main()
