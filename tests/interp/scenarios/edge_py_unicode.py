# Unicode text: Chinese and Ukrainian prints, len counts code points, slicing, case, alignment, reprs.
import asyncio

zh = "任务已超时,但不会停止运行!"
uk = "Асинхронність — один зі способів"
print(zh)
print(uk)
print(len(zh), len(uk), zh[:4], uk[-8:], uk[::-1][:5])
print(uk.upper(), uk.lower(), uk.split(" ")[0], "ї" in uk, uk.find("зі"))
print(f"[{zh[:2]:>6}] [{'їжак':^8}] [{'x':<3}]")
print(repr(zh[:3]), repr("ґанок"), ord("中"), chr(0x4e2d), chr(1111))
print(sorted(["ягода", "абрикос", "Ґава", "ґанок"]))
print("收营员 {} 结账客户 {}".format(1, 2), "%s—%d" % ("завдання", 3))
print("€ ₴ ¥ ✓ 🙂", len("🙂"))
words = {"привіт": 1, "你好": 2}
print(words, list(words))


async def greet(name, d):
    await asyncio.sleep(d)
    print(f"{asyncio.get_running_loop().time():.1f} {name}: готово / 完成")


async def main():
    await asyncio.gather(greet("Олена", 0.2), greet("小明", 0.1))


asyncio.run(main())
