using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class PrefaultedArrayTests
{
    [Fact]
    public void Allocate_ReturnsZeroedArrayOfTheLength()
    {
        var array = PrefaultedArray.Allocate<float>(10_000);

        array.Should().HaveCount(10_000).And.OnlyContain(v => v == 0f);
    }

    [Fact]
    public void Grow_KeepsTheContentAndZeroesTheNewTail()
    {
        var array = Enumerable.Range(1, 3_000).Select(i => (sbyte)(i % 100)).ToArray();
        var original = array.ToArray();

        PrefaultedArray.Grow(ref array, 9_000);

        array.Should().HaveCount(9_000);
        array.Take(3_000).Should().Equal(original);
        array.Skip(3_000).Should().OnlyContain(v => v == 0);
    }
}
