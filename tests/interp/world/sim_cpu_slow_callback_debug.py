# In debug mode a step that ran sim.cpu(0.25) is reported as a slow callback.
import asyncio, sim


async def main():
    sim.cpu(0.25)


asyncio.run(main(), debug=True)
