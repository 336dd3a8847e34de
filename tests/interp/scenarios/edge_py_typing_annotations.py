# Type annotations on parameters, returns and variables are parsed and ignored at run time.
import asyncio
from typing import Any, Callable, Dict, List, Optional, Tuple

Coord = Tuple[float, float]
total: int = 0
maybe: Optional[str] = None
registry: Dict[str, List[int]] = {}


def apply(f: Callable[[int], int], xs: List[int]) -> List[int]:
    return [f(x) for x in xs]


async def locate(name: str, delay: float = 0.1) -> Coord:
    await asyncio.sleep(delay)
    return (len(name) * 1.5, -2.0)


async def main() -> None:
    global total
    pos: Coord = await locate("home")
    total += int(pos[0])
    registry["a"] = apply(lambda v: v * 2, [1, 2])
    value: Any = "anything"
    print(pos, total, registry, maybe, value)
    unassigned: int
    print(locate.__name__, apply(abs, [-1, 2]))


asyncio.run(main())
