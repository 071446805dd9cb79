using System.Runtime.InteropServices;
using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class Int8BlockKernelTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(32)]
    [InlineData(96)]
    [InlineData(384)]
    public void DotBlock_RandomCodes_EqualsScalarPathAndRowByRowReferenceExactly(int stride)
    {
        var random = new Random(stride);
        var query = RandomCodes(random, stride);
        query[0] = 0;
        query[1] = -127;
        var rows = Enumerable.Range(0, BlockedRows.Rows).Select(_ => RandomCodes(random, stride)).ToArray();
        var block = new int[BlockedRows.Rows * stride / 4];
        for (var row = 0; row < rows.Length; row++)
        {
            BlockedRows.Write<int>(block, row, MemoryMarshal.Cast<sbyte, int>(rows[row]));
        }

        var prepared = new int[Int8BlockKernel.PreparedLength(stride)];
        Int8BlockKernel.Prepare(query, prepared);
        var dots = new int[BlockedRows.Rows];
        var scalar = new int[BlockedRows.Rows];
        Int8BlockKernel.DotBlock(prepared, block, dots);
        Int8BlockKernel.DotBlockScalar(prepared, block, scalar);

        dots.Should().Equal(scalar);
        dots.Should().Equal(rows.Select(row => Int8Kernels.DotScalar(query, row)));
    }

    [Fact]
    public void Prepare_CodesNotInGroupsOfFour_Throws()
    {
        var act = () => Int8BlockKernel.Prepare(new sbyte[6], new int[3]);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Prepare_CodeOutsideQuantisedRange_Throws()
    {
        var act = () => Int8BlockKernel.Prepare([1, 2, sbyte.MinValue, 3], new int[2]);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void DotBlock_BlockOfWrongSize_Throws()
    {
        var act = () => Int8BlockKernel.DotBlock(new int[2], new int[BlockedRows.Rows - 1], new int[BlockedRows.Rows]);
        act.Should().Throw<ArgumentException>();
    }

    private static sbyte[] RandomCodes(Random random, int length)
        => Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
}
