# What the world modules expose.
import sim, aiohttp, requests
import requests.exceptions as rex

print(sim.CORES, sim.DEFAULT_LATENCY, sim.DEFAULT_STATUS, sim._BODY, sim._REASONS[418], len(sim._REASONS))
sim.CORES = 8
print(sim.CORES)
print(aiohttp.__all__)
print(requests.__all__)
print(requests.exceptions is rex, rex.InvalidURL is requests.InvalidURL, aiohttp.sim is sim, requests.sim is sim)
print(aiohttp.InvalidURL is requests.InvalidURL, issubclass(aiohttp.InvalidURL, ValueError))
print(aiohttp.ClientTimeout.__module__, aiohttp.TCPConnector.__module__, aiohttp.ClientResponse.__module__,
      aiohttp.ClientSession.__module__, aiohttp.RequestInfo.__module__, aiohttp.ClientError.__module__)
print(aiohttp.InvalidURL.__mro__)
from aiohttp import ClientSession, ClientTimeout
from requests import get, Response
print(ClientSession.__name__, ClientTimeout.__qualname__, Response.__name__)
print(sim.cpu, requests.get, aiohttp.ClientSession.get, aiohttp.ClientResponse.text, type(sim.set_status).__name__)
print(sim.cpu.__name__, aiohttp.ClientSession.close.__name__)
