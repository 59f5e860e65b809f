# Single inheritance, overriding, super(), isinstance/issubclass.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}: {self.speak()}"

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak() + f" (age {self.age})"

class Cat(Animal):
    def speak(self):
        return f"{self.name} ignores you"

for pet in [Animal("thing"), Dog("rex"), Puppy("bit", 1), Cat("tom")]:
    print(pet.describe())
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, object))
print(isinstance(Puppy("p", 2), (Cat, Dog)), isinstance(3, (str, float)))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)

class Base:
    def template(self):
        return f"[{self.hook()}]"
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Base().template(), Derived().template())

class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Sq(3).area())
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(issubclass(bool, int), issubclass(KeyError, LookupError), bool.__mro__)
