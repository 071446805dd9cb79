using AgentMemory.Storage;
using FluentAssertions;

namespace AgentMemory.Tests.Storage;

/// <summary>The one candidate search: argument checks, the per-scope search under filters and expiry, and the merge.</summary>
public sealed class CandidateSearchTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MemoryScope User = MemoryScope.ForUser("t", "u");
    private static readonly MemoryScope Shared = MemoryScope.TenantShared("t");

    [Fact]
    public void Validate_OtherDimension_Throws()
    {
        var request = new MemorySearchRequest { Scope = User, Vector = new float[] { 1, 0, 0 }, Limit = 3 };

        var act = () => CandidateSearch.Validate(request, dimension: 2);

        act.Should().Throw<InvalidMemoryException>().Which.Error.Should().Be(MemoryValidationError.DimensionMismatch);
    }

    [Fact]
    public void Validate_NegativeLimit_Throws()
    {
        var act = () => CandidateSearch.Validate(new MemorySearchRequest { Scope = User, Text = "x", Limit = -1 }, null);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Search_TwoScopes_MergesByScoreThenId()
    {
        var user = new ScopeIndex(User);
        var shared = new ScopeIndex(Shared);
        var a = Put(user, "coffee with milk", [1f, 0f]);
        var b = Put(shared, "coffee black", [0.8f, 0.6f]);
        Put(user, "tea", [0f, 1f]);

        var result = CandidateSearch.Search([user, shared], new MemorySearchRequest { Scope = User, Vector = new float[] { 1, 0 }, Text = "coffee", Limit = 2 }, Now, useVector: true, useText: true);

        result.VectorMatches.Select(m => m.Record.Id).Should().Equal(a.Id, b.Id);
        result.LexicalMatches.Select(m => m.Record.Id).Should().BeEquivalentTo([a.Id, b.Id]);
    }

    [Fact]
    public void Search_ExpiredAndFilteredOut_AreSkipped()
    {
        var index = new ScopeIndex(User);
        Put(index, "coffee old", [1f, 0f], expires: Now.AddDays(-1));
        var kept = Put(index, "coffee now", [0.9f, 0.1f], kind: MemoryKind.Procedural);
        Put(index, "coffee fact", [0.95f, 0.05f]);

        var request = new MemorySearchRequest { Scope = User, Vector = new float[] { 1, 0 }, Text = "coffee", Limit = 5, Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { MemoryKind.Procedural } } };
        var result = CandidateSearch.Search([index], request, Now, useVector: true, useText: true);

        result.VectorMatches.Should().ContainSingle().Which.Record.Id.Should().Be(kept.Id);
        result.LexicalMatches.Should().ContainSingle().Which.Record.Id.Should().Be(kept.Id);
    }

    [Fact]
    public void Search_KindNoScopeHolds_ReturnsEmpty()
    {
        var index = new ScopeIndex(User);
        Put(index, "coffee", [1f, 0f]);

        var request = new MemorySearchRequest { Scope = User, Text = "coffee", Limit = 5, Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { MemoryKind.Episodic } } };

        CandidateSearch.Search([index], request, Now, useVector: false, useText: true).Should().BeSameAs(MemorySearchResult.Empty);
    }

    [Fact]
    public void Search_IndexWithoutEmbeddings_AttachesTheVectorOnTheWayOut()
    {
        var index = new ScopeIndex(User, keepEmbeddings: false);
        var record = Put(index, "coffee", [1f, 0f]);

        index.Records[record.Id].Embedding.IsEmpty.Should().BeTrue();
        var hit = CandidateSearch.Search([index], new MemorySearchRequest { Scope = User, Vector = new float[] { 1, 0 }, Limit = 1 }, Now, useVector: true, useText: false).VectorMatches.Single();

        hit.Record.Embedding.ToArray().Should().Equal(1f, 0f);
    }

    private static MemoryRecord Put(ScopeIndex index, string text, float[] vector, DateTimeOffset? expires = null, MemoryKind kind = MemoryKind.Semantic)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        var normalized = vector.Select(v => v / norm).ToArray();
        var record = new MemoryRecord { Id = Guid.CreateVersion7(), Scope = index.Scope, Kind = kind, Text = text, Embedding = normalized, ExpiresAt = expires, CreatedAt = Now.AddDays(-2) };
        index.Put(record, normalized);
        return record;
    }
}
