from __future__ import annotations

import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, Iterable, Iterator, List,
                    Literal, Mapping, NamedTuple, NewType, Optional, Protocol, Sequence, Set,
                    Tuple, Type, TypedDict, TypeVar, Union, cast, final, overload,
                    TYPE_CHECKING)

if TYPE_CHECKING:
    import does_not_exist  # noqa

missing = [n for n in ['Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final', 'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol', 'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union', 'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable', 'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView', 'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine', 'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible', 'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt', 'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator', 'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO', 'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads', 'dataclass_transform', 'final', 'get_args', 'get_origin', 'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString', 'Never', 'NewType', 'no_type_check', 'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs', 'ParamSpecKwargs', 'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text', 'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack'] if not hasattr(typing, n)]
print("missing", missing, TYPE_CHECKING)

T = TypeVar("T")
K = TypeVar("K", str, bytes)
Json = Dict[str, Any]
Handler = Callable[[int, str], None]
MaybeInt = Optional[int]
print(Json, Handler, MaybeInt, List[int], Tuple[int, ...], Union[int, str], Union[int, None])
print(T, K, Dict[str, List[T]], Type[int], Literal["a", 1], ClassVar[int], Final[str])
print(Sequence[int], Iterable[str], Mapping[str, int], Set[bytes], Callable[..., Any], Any)
print(Union[int, Union[str, int]], Union[int], Optional[Union[int, str]], Tuple[()])
print(typing.get_origin(List[int]) is list, typing.get_args(Dict[str, int]) == (str, int),
      typing.get_args(Union[int, str]) == (int, str), typing.get_origin(Json) is dict,
      typing.get_args(Handler) == ([int, str], type(None)), typing.get_origin(int),
      typing.get_args(int))
print(Union[int, str] == Union[str, int], List[int] == List[int], List[int] == List[str])
UserId = NewType("UserId", int)
print(UserId(5), cast(int, "x"), cast("List[int]", 3))


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


print(Box(3).get(), Box("s").get())


class Greeter(Protocol):
    def greet(self, name: str) -> str:
        ...


class English:
    def greet(self, name: str) -> str:
        return "hello " + name


def welcome(g: Greeter, who: Sequence[str]) -> List[str]:
    return [g.greet(w) for w in who]


print(welcome(English(), ["a", "b"]))


@overload
def conv(x: int) -> int:
    ...


@overload
def conv(x: str) -> str:
    ...


def conv(x: Union[int, str]) -> Union[int, str]:
    return x * 2


print(conv(2), conv("ab"))


@final
class Leaf:
    MAX: ClassVar[int] = 3
    name: str = "leaf"


print(Leaf.MAX, Leaf.name)
Point = NamedTuple("Point", [("x", int), ("y", int)])
p = Point(1, 2)
print(p, p.x, p._fields)


class Movie(TypedDict):
    name: str
    year: int


m = Movie(name="Blade Runner", year=1982)
print(m["name"], m["year"], isinstance(m, dict), len(m))


def apply(f: Callable[[int], int], xs: Iterable[int]) -> Iterator[int]:
    return map(f, xs)


print(list(apply(lambda v: v + 1, [1, 2])))
var: Dict[str, int] = {"a": 1}
print(var, callable(typing.get_type_hints))
