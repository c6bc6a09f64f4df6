"""concviz's Python runner: the talk's programs (requests, multiprocessing, ThreadPool, asyncio + aiohttp) on concviz's workload."""
