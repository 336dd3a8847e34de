# Inheritance, super() in __init__ and methods, overriding, isinstance/issubclass, method resolution order.
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{self.kind}: {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return f"{self.name} barks"


class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"


class Mixin:
    def describe(self):
        return "mixin -> " + super().describe()


class LoudPuppy(Mixin, Puppy):
    pass


for a in (Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug"), LoudPuppy("max", "pug")):
    print(a.describe())
p = Puppy("bit", "pug")
print(p.breed, isinstance(p, Animal), isinstance(p, LoudPuppy), issubclass(Puppy, Dog))
print([c.__name__ for c in LoudPuppy.__mro__])
print(type(p).__name__, type(p) is Puppy, Dog.kind, Puppy.kind)
