# From: tutorials/001_05a791dc056d4108.txt — asyncio.run
import asyncio


async def do_work():
    return 1


def main():
    result = asyncio.run(do_work())
    print(result)  # 1


if __name__ == "__main__":
    main()
