using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using AgentMemory.Lexical;

namespace AgentMemory.Tests.Retrieval;

/// <summary>A minimal list-backed store for retriever tests: exact cosine and BM25 search, listing; the rest is unsupported.</summary>
internal sealed class ListStore : IMemoryStore
{
    private readonly List<MemoryRecord> _records = [];
    private readonly Bm25Index _bm25 = new();

    public string Name => "list";

    public int SearchCount { get; private set; }

    public Task<MemoryRecord> AddAsync(MemoryRecord record, CancellationToken cancellationToken = default)
    {
        _records.Add(record);
        _bm25.Upsert(record.Id, record.Text);
        return Task.FromResult(record);
    }

    public Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        SearchCount++;
        var visible = _records.Where(r => request.Scope.CanSee(r.Scope) && request.Filter.Matches(r)).ToDictionary(r => r.Id);
        var vector = new List<ScoredMemory>();
        if (!request.Vector.IsEmpty)
        {
            vector = visible.Values.Where(r => r.Embedding.Length == request.Vector.Length)
                .Select(r => new ScoredMemory(r, TensorPrimitives.Dot(r.Embedding.Span, request.Vector.Span)))
                .OrderByDescending(m => m.Score).ThenBy(m => m.Record.Id).Take(request.Limit).ToList();
        }

        var lexical = _bm25.Search(request.Text, request.Limit, visible.ContainsKey)
            .Select(m => new ScoredMemory(visible[m.Id], m.Score)).ToList();
        return Task.FromResult(new MemorySearchResult(vector, lexical));
    }

    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var filter = options?.Filter ?? MemoryFilter.None;
        foreach (var r in _records.Where(r => scope.CanSee(r.Scope) && filter.Matches(r)).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id))
        {
            yield return r;
        }
    }

    public Task<MemoryRecord> UpdateAsync(MemoryRecord record, MemoryChangeKind change = MemoryChangeKind.Updated, string? reason = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<bool> DeleteAsync(MemoryScope scope, Guid id, MemoryChangeKind change = MemoryChangeKind.Deleted, string? reason = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<MemoryRecord?> GetAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default) => Task.FromResult(_records.FirstOrDefault(r => r.Id == id));
    public Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default) => Task.FromResult((long)_records.Count);
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task RecordAccessAsync(MemoryScope scope, IReadOnlyList<Guid> ids, string? queryHash, CancellationToken cancellationToken = default) => Task.CompletedTask;
    public Task<ErasureReceipt> EraseAsync(MemoryScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task<int> RemoveExpiredAsync(DateTimeOffset now, int maxCount = 1000, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task QuarantineAsync(QuarantinedMemory item, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public IAsyncEnumerable<QuarantinedMemory> ListQuarantineAsync(MemoryScope scope, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    public IAsyncEnumerable<AuditEntry> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
