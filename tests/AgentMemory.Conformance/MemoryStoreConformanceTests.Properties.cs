using CsCheck;

namespace AgentMemory.Conformance;

public abstract partial class MemoryStoreConformanceTests
{
    private static readonly string[] Vocabulary = ["alpha", "bravo", "charlie", "delta", "echo"];

    /// <summary>One step of a random interleaving.</summary>
    public readonly record struct IsolationStep(int Action, int ScopeIndex, int ReaderIndex, int N);

    [Fact]
    public virtual async Task Property_RandomInterleavings_NeverLeakAcrossScopes()
    {
        var steps = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 10_000], (a, s, r, n) => new IsolationStep(a, s, r, n)).Array[5, 40];

        await steps.SampleAsync(RunInterleavingAsync, iter: PropertyIterations, threads: 1);
    }

    /// <summary>
    /// Scope ids chosen to break a careless key encoding: the unset marker, separators, escapes in both cases, their
    /// escaped forms, U+FFFD, a surrogate pair, case and normalisation variants, prefixes, blanks inside.
    /// </summary>
    private static readonly string[] AdversarialIds =
    [
        "-", "--", "/", "%", "_", "%2D", "%2d", "%2F", "%2f", "%25", "-/-", "a/b", "a%2Fb", "\uFFFD", "\uFFFD\uFFFD",
        "\uD83D\uDE00", "u", "U", "u0", "u0-", "u0/", "\u00E9", "e\u0301", "a b", "~", ".", "*", "null", "'", "\"",
    ];

    private async Task RunInterleavingAsync(IsolationStep[] steps)
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var scopes = new List<MemoryScope>();
        for (var t = 0; t < 3; t++)
        {
            // Tenants that differ only in what follows a shared prefix, users and sessions from the adversarial alphabet.
            var tenant = prefix + AdversarialIds[(t * 7 + steps.Length) % AdversarialIds.Length];
            scopes.Add(MemoryScope.TenantShared(tenant));
            scopes.Add(MemoryScope.ForAgent(tenant, AdversarialIds[(t + steps.Length) % AdversarialIds.Length]));
            for (var u = 0; u < 3; u++)
            {
                var user = AdversarialIds[(t * 11 + u * 5 + steps.Length) % AdversarialIds.Length];
                scopes.Add(MemoryScope.ForUser(tenant, user));
                scopes.Add(MemoryScope.ForUser(tenant, user).WithSession("-"));
                scopes.Add(MemoryScope.ForUser(tenant, user).WithSession(AdversarialIds[(u * 3 + 1) % AdversarialIds.Length]));
                scopes.Add(new MemoryScope(tenant, user, "-"));
            }
        }

        scopes = [.. scopes.Distinct()];
        var live = new Dictionary<Guid, MemoryScope>();
        var owners = new Dictionary<Guid, MemoryScope>();
        var written = new List<Guid>();
        foreach (var step in steps)
        {
            var scope = scopes[step.ScopeIndex % scopes.Count];
            var reader = scopes[step.ReaderIndex % scopes.Count];
            var text = $"{Vocabulary[step.N % 5]} {Vocabulary[(step.N / 5) % 5]} note";
            switch (step.Action)
            {
                case 0:
                case 1:
                    var added = await Store.AddAsync(MemoryRecordFactory.Create(scope, text, MemoryRecordFactory.Random(Dim, step.N)));
                    live[added.Id] = scope;
                    owners[added.Id] = scope;
                    written.Add(added.Id);
                    break;
                case 2:
                    var found = await Store.SearchAsync(new MemorySearchRequest { Scope = reader, Vector = MemoryRecordFactory.Random(Dim, step.N + 1), Text = text, Limit = 20 });
                    foreach (var hit in found.VectorMatches.Concat(found.LexicalMatches))
                    {
                        live.Should().ContainKey(hit.Record.Id, "a search returned an erased or deleted memory");
                        hit.Record.Scope.Should().Be(live[hit.Record.Id], "a store must report the scope a memory was written to");
                        reader.CanSee(live[hit.Record.Id]).Should().BeTrue($"{reader} searched and got a memory of {live[hit.Record.Id]}");
                    }

                    break;
                case 3:
                    var match = (ScopeMatch)(step.N % 3);
                    await foreach (var r in Store.ListAsync(reader, new MemoryListOptions { Match = match }))
                    {
                        live.Should().ContainKey(r.Id);
                        var trueOwner = live[r.Id];
                        r.Scope.Should().Be(trueOwner, "a store must report the scope a memory was written to");
                        var allowed = match switch
                        {
                            ScopeMatch.Visible => reader.CanSee(trueOwner),
                            ScopeMatch.Within => reader.Contains(trueOwner),
                            _ => reader == trueOwner,
                        };
                        allowed.Should().BeTrue($"{reader} listed ({match}) a memory of {trueOwner}");
                    }

                    break;
                case 4 when written.Count > 0:
                    var id = written[step.N % written.Count];
                    var got = await Store.GetAsync(reader, id);
                    var visible = live.TryGetValue(id, out var owner) && reader.CanSee(owner);
                    (got is not null).Should().Be(visible, $"{reader} reading a memory of {owner?.ToString() ?? "(gone)"}");
                    break;
                case 5 when written.Count > 0:
                    var target = written[step.N % written.Count];
                    var canUpdate = live.TryGetValue(target, out var targetOwner) && reader.CanSee(targetOwner);
                    var current = canUpdate ? await Store.GetAsync(reader, target) : null;
                    var attempt = current ?? MemoryRecordFactory.Create(reader, "probe", id: target);
                    var update = () => Store.UpdateAsync(attempt with { Scope = reader, Text = text + " updated" });
                    if (canUpdate)
                    {
                        await update.Should().NotThrowAsync();
                    }
                    else
                    {
                        await update.Should().ThrowAsync<AgentMemoryException>();
                    }

                    var historyVisible = owners.TryGetValue(target, out var historyOwner) && reader.CanSee(historyOwner);
                    (await Store.GetHistoryAsync(reader, target)).Any().Should().Be(historyVisible, $"{reader} reading the history of a memory of {historyOwner?.ToString() ?? "(erased)"}");

                    break;
                case 6:
                    await Store.EraseAsync(scope);
                    foreach (var gone in owners.Where(p => scope.Contains(p.Value)).Select(p => p.Key).ToList())
                    {
                        live.Remove(gone);
                        owners.Remove(gone);
                    }

                    break;
                case 7 when written.Count > 0:
                    var victim = written[step.N % written.Count];
                    var mayDelete = live.TryGetValue(victim, out var victimOwner) && reader.CanSee(victimOwner);
                    (await Store.DeleteAsync(reader, victim)).Should().Be(mayDelete);
                    if (mayDelete)
                    {
                        live.Remove(victim);
                    }

                    break;
            }
        }

        foreach (var (id, owner) in live)
        {
            (await Store.GetAsync(owner, id)).Should().NotBeNull("no write may be lost");
        }
    }
}
