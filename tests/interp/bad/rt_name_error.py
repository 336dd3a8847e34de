# expect: exit=1 stderr-last="NameError: name 'undefined_name' is not defined"
import asyncio
async def main():
    print(undefined_name)
asyncio.run(main())
