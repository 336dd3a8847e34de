# From: tutorials/000_b829acf418663ef6.txt — 是否有任何性能提升 (8 weather-API calls, sync vs async, each repeated 4 times)
from time import time
import asyncio
from random import uniform

import aiohttp
import requests
import sim

# httpx in the original; the simulated aiohttp / requests stand for it.
sim.set_latency("https://api.openweathermap.org", 0.17)


class AsyncWeatherApi:
    def __init__(
        self, base_url: str = "https://api.openweathermap.org/data/2.5"
    ) -> None:
        self.base_url = base_url
        self.client: aiohttp.ClientSession = aiohttp.ClientSession()

    async def weather(self, lat: float, lon: float, app_id: str) -> dict:
        response = await self.client.get(
            f"{self.base_url}/weather?lat={lat}&lon={lon}&appid={app_id}&units=metric"
        )
        if response.status >= 400:
            raise RuntimeError(response.status)
        return {"status": response.status, "body": await response.text()}


class SyncWeatherApi:
    def __init__(
        self, base_url: str = "https://api.openweathermap.org/data/2.5"
    ) -> None:
        self.base_url = base_url

    def weather(self, lat: float, lon: float, app_id: str) -> dict:
        response = requests.get(
            f"{self.base_url}/weather?lat={lat}&lon={lon}&appid={app_id}&units=metric"
        )
        response.raise_for_status()
        return {"status": response.status_code, "body": response.text}


def get_random_locations(count: int = 8) -> list[tuple[float, float]]:
    """generate random locations in +/-europe"""
    return [(uniform(45.6, 52.3), uniform(-2.3, 29.4)) for _ in range(count)]


async def get_weather_async(locations: list[tuple[float, float]]):
    api = AsyncWeatherApi()
    return await asyncio.gather(
        *[api.weather(lat, lon, api_key) for lat, lon in locations]
    )


def get_weather_sync(locations: list[tuple[float, float]]):
    api = SyncWeatherApi()
    return [api.weather(lat, lon, api_key) for lat, lon in locations]


api_key = "secret"


def timeit(run, repeat):
    # timeit.Timer(run).timeit(repeat) in the original
    start = time()
    for _ in range(repeat):
        run()
    return time() - start


def time_async_job(repeat: int = 1, count: int = 8):
    locations = get_random_locations(count)

    def run():
        return asyncio.run(get_weather_async(locations))
    duration = timeit(run, repeat)
    print(
        f"[ASYNC] In {duration}s: done {len(locations)} API calls, all"
        f" repeated {repeat} times"
    )


def time_sync_job(repeat: int = 1, count: int = 8):
    locations = get_random_locations(count)

    def run():
        return get_weather_sync(locations)
    duration = timeit(run, repeat)
    print(
        f"[SYNC] In {duration}s: done {len(locations)} API calls, all repeated"
        f" {repeat} times"
    )


if __name__ == "__main__":
    time_sync_job(4)
    time_async_job(4)
