# Uncaught TypeError from a bad call to a method (qualified name in message).
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(0, 0).move(1, 2)
print(p.x, p.y)
p.move(1)  ### "missing 1 required positional argument: 'dy'"
