# requests.get blocks: called in the kernel's thread it freezes every
# task (the ticker's beats come late); in a thread only that thread waits.
import curio, requests

async def ticker():
    while True:
        await curio.sleep(0.1)
        print(f'{await curio.clock():.3f} tick')

def fib(n):
    r = requests.get(f'http://fib.example/fib?n={n}')
    return r.json()['value']

async def main():
    t = await curio.spawn(ticker)
    await curio.sleep(0.05)
    print('inline:', [fib(n) for n in (10, 20)])
    print('in a thread:', [await curio.run_in_thread(fib, n) for n in (10, 20)])
    await t.cancel()
    for url in ('http://nowhere.example/', 'http://fib.example:81/', 'http://fib.example/fib?n=x'):
        try:
            requests.get(url).raise_for_status()
        except requests.exceptions.RequestException as e:
            print(type(e).__name__, e)

curio.run(main)
