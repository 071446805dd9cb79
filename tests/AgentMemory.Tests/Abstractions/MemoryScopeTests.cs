using CsCheck;

namespace AgentMemory.Tests.Abstractions;

public sealed class MemoryScopeTests
{
    private static readonly string[] Pieces = ["-", "/", "%", "_", "2", "D", "d", "F", "f", "\uFFFD", "\uD83D\uDE00", "e", "\u0301", "\u00E9", "u", "U", " ", "~", "."];

    /// <summary>Characters that break careless encodings: separators, escapes, the old unset marker, U+FFFD, a surrogate pair, combining marks, case.</summary>
    private static readonly Gen<string> AdversarialId = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i])
        .Array[1, 6].Select(parts => string.Concat(parts)).Where(s => !string.IsNullOrWhiteSpace(s));

    private static readonly Gen<MemoryScope> AdversarialScope = Gen.Select(
            AdversarialId, AdversarialId.Null(), AdversarialId.Null(), AdversarialId.Null(), Gen.Bool,
            (tenant, user, agent, session, shared) => shared
                ? MemoryScope.TenantShared(tenant)
                : new MemoryScope(tenant, user ?? (agent is null ? "u" : null), agent, session));

    [Fact]
    public void Key_IsInjectiveAndParseInvertsIt()
    {
        Gen.Select(AdversarialScope, AdversarialScope).Sample((a, b) =>
        {
            (a.Key == b.Key).Should().Be(a == b, $"'{a.Key}' vs '{b.Key}'");
            MemoryScope.Parse(a.Key).Should().Be(a);
            MemoryScope.Parse(b.Key).Should().Be(b);
        }, iter: 20_000);
    }

    [Fact]
    public void Key_DashIdIsNotUnset()
    {
        var shared = MemoryScope.TenantShared("acme");

        MemoryScope.ForUser("acme", "-").Key.Should().NotBe(shared.Key);
        new MemoryScope("acme", null, "-").Key.Should().NotBe(shared.Key);
        MemoryScope.ForUser("acme", "u").WithSession("-").Key.Should().NotBe(MemoryScope.ForUser("acme", "u").Key);
        MemoryScope.Parse(MemoryScope.ForUser("acme", "-").Key).UserId.Should().Be("-");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Constructor_LoneSurrogate_ThrowsForEveryPart(int index)
    {
        // Built here, not passed as theory data: test runners re-encode strings and would repair them first.
        var id = new[] { "acme\uD800", "acme\uDC00", "\uDE00\uD83D", "a\uD83D" }[index];

        ((Action)(() => MemoryScope.TenantShared(id))).Should().Throw<ArgumentException>().WithMessage("*well-formed*");
        ((Action)(() => MemoryScope.ForUser("acme", id))).Should().Throw<ArgumentException>().WithParameterName("userId");
        ((Action)(() => MemoryScope.ForAgent("acme", id))).Should().Throw<ArgumentException>().WithParameterName("agentId");
        ((Action)(() => MemoryScope.ForUser("acme", "u").WithSession(id))).Should().Throw<ArgumentException>().WithParameterName("sessionId");
    }

    [Theory]
    [InlineData("acme/%2d/-/-")]
    [InlineData("%61cme/u/-/-")]
    [InlineData("acme/u/-")]
    [InlineData("acme/%ED%A0%80/-/-")]
    [InlineData("-/u/-/-")]
    public void TryParse_NonCanonicalOrInvalid_ReturnsFalse(string key)
    {
        MemoryScope.TryParse(key, out var scope).Should().BeFalse();
        scope.Should().BeNull();
    }

    [Fact]
    public void Ids_AreComparedOrdinally_NotFoldedOrNormalised()
    {
        MemoryScope.ForUser("acme", "\u00E9").Should().NotBe(MemoryScope.ForUser("acme", "e\u0301"));
        MemoryScope.ForUser("acme", "Bob").Should().NotBe(MemoryScope.ForUser("acme", "bob"));
        MemoryScope.ForUser("acme", "Bob").CanSee(MemoryScope.ForUser("acme", "bob")).Should().BeFalse();
    }

    [Fact]
    public void ForAgent_IsAnAgentScopeWithoutUser()
    {
        var scope = MemoryScope.ForAgent("acme", "planner");

        scope.UserId.Should().BeNull();
        scope.AgentId.Should().Be("planner");
        MemoryScope.ForUser("acme", "bob").WithAgent("planner").CanSee(scope).Should().BeTrue();
        MemoryScope.ForUser("acme", "bob").CanSee(scope).Should().BeFalse();
    }
}
