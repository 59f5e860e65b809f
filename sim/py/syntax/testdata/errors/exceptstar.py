try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
# ----
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
# ----
try:
    pass
except* ValueError:
    pass
except:
    pass
# ----
try:
    pass
except* ValueError as e:
    pass
except (A, B) as f:
    pass
# ----
try:
    pass
except ValueError:
    pass
except *TypeError as e:
    pass
# ----
try:
    pass
except*:
    pass
# ----
try:
    pass
except *
    pass
# ----
try:
    pass
except ValueError:
    pass
except*:
    pass
# ----
try:
    pass
except* A, B:
    pass
# ----
try:
    pass
except* A, B as e:
    pass
# ----
try:
    pass
except* A
    pass
# ----
try:
    pass
except* A as e
    pass
# ----
try:
    pass
except* A:
pass
# ----
try:
    pass
except* A:
    pass
except* B:
    pass
except:
pass
# ----
try:
    pass
except* as e:
    pass
# ----
try:
    pass
except* A:
    pass
except B, C:
    pass
# ----
try:
    pass
except A:
    pass
except* B, C:
    pass
# ----
try:
    pass
except* A:
    pass
except B
    pass
# ----
try:
    pass
except A:
    pass
except* B
    pass
# ----
try:
    pass
except* A:
    pass
else:
    pass
except B:
    pass
# ----
try:
    pass
except* A as e.x:
    pass
# ----
try:
    pass
except** A:
    pass
# ----
for x in y:
    try:
        pass
    except* E:
        break
# ----
for x in y:
    try:
        pass
    except* E:
        continue
# ----
def f():
    try:
        pass
    except* E:
        return
# ----
def f():
    try:
        pass
    except* E:
        return 1
# ----
def f():
    try:
        pass
    except* E:
        return x + 1
# ----
def f():
    try:
        pass
    except* E:
        return -1
# ----
def f():
    try:
        pass
    except* E:
        return (1, 2)
# ----
def f():
    try:
        pass
    except* E:
        return (
            1)
# ----
def f():
    try:
        pass
    except* E:
        for x in y:
            try:
                pass
            except* F:
                continue
# ----
def f():
    try:
        pass
    except* E:
        for x in y:
            break
        def g():
            return 1
        return
# ----
def f():
    try:
        pass
    except* E:
        with a:
            if b:
                return
# ----
def f():
    for x in y:
        try:
            pass
        except* E:
            try:
                pass
            finally:
                break
# ----
try:
    pass
except* E:
    break
# ----
try:
    pass
except* E:
    return
# ----
def f():
    try:
        pass
    except* E:
        return *a, b
# ----
try:
    pass
except* E:
    *a = 1
else:
    *b = 1
# ----
try:
    pass
except E:
    break
else:
    continue
# ----
try:
    pass
except:
    pass
except E:
    pass
else:
    break
# ----
def f():
    try: pass
    except:
        a = 1
        global a
    else:
        b = 1
        global b
# ----
def f():
    try: pass
    except* E:
        a = 1
        global a
    else:
        b = 1
        global b
# ----
def f():
    try:
        pass
    except* E:
        try:
            return 1
        finally:
            pass
# ----
def f():
    try:
        pass
    except* E:
        try:
            pass
        finally:
            return 1
# ----
def f():
    try:
        pass
    except* E:
        try:
            pass
        except F:
            return 1
        finally:
            pass
# ----
async def f():
    try:
        pass
    except* E:
        async with a:
            return 1
# ----
def f():
    with a:
        try:
            pass
        except* E:
            return 1
