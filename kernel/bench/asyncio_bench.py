"""asyncio's side of the await helpers' benchmark; same measurements and output as AsyncBench.java."""
import asyncio
import resource
import sys
import time


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


async def gather_sleeps(tasks):
    await asyncio.gather(*(asyncio.sleep(1) for _ in range(tasks)))


async def yielder(yields):
    for _ in range(yields):
        await asyncio.sleep(0)


async def yielders(tasks, yields):
    await asyncio.gather(*(yielder(yields) for _ in range(tasks)))


def main(argv):
    if argv[0] == "gather":
        tasks, repeats = int(argv[1]), int(argv[2])
        walls = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            asyncio.run(gather_sleeps(tasks))
            walls.append(f"{time.perf_counter() - t0:.3f}")
        print(f"lang=python bench=gather mode=asyncio tasks={tasks} wall_s={','.join(walls)} "
              f"peak_rss_mb={peak_rss_mb():.0f}")
    elif argv[0] == "switch":
        tasks, yields = int(argv[1]), int(argv[2])
        per = []
        for _ in range(3):
            t0 = time.perf_counter()
            asyncio.run(yielders(tasks, yields))
            per.append(f"{(time.perf_counter() - t0) * 1e9 / (tasks * yields):.0f}")
        print(f"lang=python bench=switch mode=asyncio tasks={tasks} yields={yields} "
              f"ns_per_switch={','.join(per)} peak_rss_mb={peak_rss_mb():.0f}")
    else:
        raise SystemExit("usage: gather <tasks> <repeats> | switch <tasks> <yields>")


if __name__ == "__main__":
    main(sys.argv[1:])
