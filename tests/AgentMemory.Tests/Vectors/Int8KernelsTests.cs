using AgentMemory.Vectors;
using FluentAssertions;

namespace AgentMemory.Tests.Vectors;

public sealed class Int8KernelsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(384)]
    [InlineData(385)]
    public void Quantize_Vector_ReconstructsWithinHalfAStepAndPadsWithZeros(int dimension)
    {
        var source = VectorTestData.Gaussian(new Random(dimension), dimension);
        var codes = new sbyte[Int8Kernels.Stride(dimension)];
        codes.AsSpan().Fill(99);
        var scale = Int8Kernels.Quantize(source, codes);
        for (var i = 0; i < dimension; i++)
        {
            ((float)codes[i] * scale).Should().BeApproximately(source[i], (scale / 2) + 1e-6f);
            codes[i].Should().BeInRange(-127, 127);
        }

        codes.Skip(dimension).Should().NotContain(c => c != 0);
        codes.Take(dimension).Select(c => Math.Abs((int)c)).Max().Should().Be(127);
    }

    [Fact]
    public void Quantize_ZeroVector_ReturnsZeroScale()
        => Int8Kernels.Quantize(new float[8], new sbyte[32]).Should().Be(0f);

    [Theory]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(96)]
    [InlineData(384)]
    [InlineData(416)]
    public void Dot_EveryKernel_EqualsScalarReferenceExactly(int length)
    {
        var random = new Random(length);
        for (var trial = 0; trial < 20; trial++)
        {
            var a = Codes(random, length, extreme: trial % 2 == 0);
            var b = Codes(random, length, extreme: trial % 3 == 0);
            var expected = Int8Kernels.DotScalar(a, b);
            Int8Kernels.Dot(a, b).Should().Be(expected);
            Int8Kernels.DotVector128(ref a[0], ref b[0], length).Should().Be(expected);
            if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            {
                Int8Kernels.DotAvx2(ref a[0], ref b[0], length).Should().Be(expected);
            }
        }
    }

    [Fact]
    public void DotRows_SeveralRows_MatchesRowByRowDot()
    {
        var random = new Random(5);
        var query = Codes(random, 64, extreme: false);
        var rows = Codes(random, 64 * 5, extreme: true);
        var scores = new int[5];
        Int8Kernels.DotRows(query, rows, 64, scores);
        for (var row = 0; row < 5; row++)
        {
            scores[row].Should().Be(Int8Kernels.DotScalar(query, rows.AsSpan(row * 64, 64)));
        }
    }

    private static sbyte[] Codes(Random random, int length, bool extreme)
        => Enumerable.Range(0, length).Select(_ => extreme ? (sbyte)(random.Next(2) == 0 ? -127 : 127) : (sbyte)random.Next(-127, 128)).ToArray();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(67)]
    public void Scale_Chunk_EqualsScalarProductsAndReturnsTheirMax(int n)
    {
        var random = new Random(n);
        var dots = Enumerable.Range(0, n).Select(_ => random.Next(-2_000_000, 2_000_000)).ToArray();
        var scales = Enumerable.Range(0, n).Select(_ => random.NextSingle() / 127f).ToArray();
        var scores = new float[n];

        var max = Int8Kernels.Scale(dots, scales, scores);

        for (var i = 0; i < n; i++)
        {
            scores[i].Should().Be(dots[i] * scales[i]);
        }

        max.Should().Be(n == 0 ? float.NegativeInfinity : scores.Max());
    }
}
