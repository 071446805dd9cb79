using System.Globalization;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private const int MaxQueryTerms = 64;

    /// <inheritdoc />
    /// <remarks>
    /// One round trip reads the visible scopes' version rows (and, for scopes whose cached snapshot is stale, their
    /// vectors) together with the full-text candidates; the vectors are scored in-process with SIMD; a second round trip
    /// reads the top vector candidates' records.
    /// </remarks>
    public async Task<MemorySearchResult> SearchAsync(MemorySearchRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var useVector = CandidateSearch.Validate(request, Dimension);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (useVector && Dimension is null)
        {
            var dimension = await ReadAsync("search", (c, ct) => RefreshDimensionAsync(c, null, ct), cancellationToken).ConfigureAwait(false);
            useVector = CandidateSearch.Validate(request, dimension) && dimension is not null;
        }

        var terms = OrQuery(request.Text);
        if (request.Limit == 0 || (!useVector && terms is null))
        {
            return MemorySearchResult.Empty;
        }

        var filter = TextGuard.Clean(request.Filter ?? MemoryFilter.None);
        var now = _time.GetUtcNow();
        var visible = request.Scope.VisibleScopes();
        return await ReadAsync("search", async (c, ct) =>
        {
            var lexical = new List<ScoredMemory>();
            var snapshots = new ScopeIndex?[visible.Count];
            var sent = visible.Select(v => _cache.TryGet(v.Key, out var index) ? index : null).ToArray();
            await using (var batch = new NpgsqlBatch(c))
            {
                if (useVector)
                {
                    batch.BatchCommands.Add(SnapshotCommand(visible, sent));
                }

                if (terms is not null)
                {
                    batch.BatchCommands.Add(LexicalCommand(request, filter, terms, now));
                }

                await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (useVector)
                {
                    await ReadSnapshotsAsync(reader, visible, sent, snapshots, ct).ConfigureAwait(false);
                    await reader.NextResultAsync(ct).ConfigureAwait(false);
                }

                if (terms is not null)
                {
                    while (await reader.ReadAsync(ct).ConfigureAwait(false))
                    {
                        lexical.Add(new ScoredMemory(Columns.ReadRecord(reader), reader.GetFloat(Columns.RecordCount)));
                    }
                }
            }

            var vectorHits = useVector ? await VectorSearchAsync(c, request with { Filter = filter }, snapshots, now, ct).ConfigureAwait(false) : [];
            return new MemorySearchResult(vectorHits, lexical);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Turns any text into a safe OR query for <c>websearch_to_tsquery</c>: only letter/digit words joined by " or ",
    /// so no operator or quote from the user reaches the parser. Null when the text has no words.
    /// </summary>
    internal static string? OrQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        var start = -1;
        for (var i = 0; i <= text.Length && words.Count < MaxQueryTerms; i++)
        {
            if (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                start = -1;
                if (word != "or" && words.Add(word))
                {
                    sb.Append(sb.Length == 0 ? string.Empty : " or ").Append(word);
                }
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private NpgsqlBatchCommand SnapshotCommand(IReadOnlyList<MemoryScope> visible, ScopeIndex?[] sent)
    {
        var cmd = new NpgsqlBatchCommand($"""
            SELECT c.ord, v.version, m.id, m.kind, m.topic, m.metadata, m.created_at, m.occurred_at, m.expires_at, m.embedding, m.valid_from, m.valid_to
            FROM unnest(@us::text[], @as::text[], @ss::text[], @vs::bigint[]) WITH ORDINALITY AS c(user_id, agent_id, session_id, version, ord)
            JOIN {_s}.scope_versions v ON v.tenant_id = @t AND v.user_id = c.user_id AND v.agent_id = c.agent_id AND v.session_id = c.session_id
            LEFT JOIN {_s}.memories m ON v.version <> c.version AND m.tenant_id = @t AND m.user_id = c.user_id AND m.agent_id = c.agent_id
                AND m.session_id = c.session_id AND m.embedding IS NOT NULL
            ORDER BY c.ord
            """);
        cmd.Parameters.AddWithValue("t", visible[0].TenantId);
        cmd.Parameters.AddWithValue("us", visible.Select(v => Columns.Part(v.UserId)).ToArray());
        cmd.Parameters.AddWithValue("as", visible.Select(v => Columns.Part(v.AgentId)).ToArray());
        cmd.Parameters.AddWithValue("ss", visible.Select(v => Columns.Part(v.SessionId)).ToArray());
        cmd.Parameters.AddWithValue("vs", sent.Select(s => s?.Generation ?? -1L).ToArray());
        return cmd;
    }

    /// <summary>ts_rank weights {D, C, B, A}: text is labelled A, context B at <see cref="Lexical.LexicalFields.ContextWeight"/>.</summary>
    private static readonly string RankWeights = string.Create(CultureInfo.InvariantCulture, $"'{{0, 0, {Lexical.LexicalFields.ContextWeight}, 1}}'::float4[]");

    private NpgsqlBatchCommand LexicalCommand(MemorySearchRequest request, MemoryFilter filter, string terms, DateTimeOffset now)
    {
        var cmd = new NpgsqlBatchCommand();
        var sql = new StringBuilder($"""
            SELECT {Columns.Record}, ts_rank_cd({RankWeights}, m.tsv, q.query) AS rank
            FROM {_s}.memories m CROSS JOIN websearch_to_tsquery('{_options.TextSearchConfiguration}'::regconfig, @q) AS q(query)
            WHERE {Columns.Visible} AND m.tsv @@ q.query AND (m.expires_at IS NULL OR m.expires_at > @now)
            """);
        Columns.AddScope(cmd.Parameters, request.Scope);
        cmd.Parameters.AddWithValue("q", terms);
        Columns.AddTime(cmd.Parameters, "now", now);
        AppendFilter(sql, cmd.Parameters, filter);
        sql.Append(" ORDER BY rank DESC, m.id LIMIT @limit");
        cmd.Parameters.AddWithValue("limit", request.Limit);
        cmd.CommandText = sql.ToString();
        return cmd;
    }

    /// <summary>Reads the version rows: an unchanged scope keeps its snapshot, a changed one gets a new one, a missing one has none.</summary>
    private async Task ReadSnapshotsAsync(NpgsqlDataReader reader, IReadOnlyList<MemoryScope> visible, ScopeIndex?[] sent, ScopeIndex?[] snapshots, CancellationToken cancellationToken)
    {
        var seen = new bool[visible.Count];
        var rows = new Dictionary<int, (long Version, List<(MemoryRecord Header, float[] Vector)> Items)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var i = (int)reader.GetInt64(0) - 1;
            var version = reader.GetInt64(1);
            seen[i] = true;
            if (!rows.TryGetValue(i, out var entry))
            {
                entry = (version, []);
                rows[i] = entry;
            }

            if (reader.IsDBNull(2))
            {
                continue;
            }

            var header = new MemoryRecord
            {
                Id = reader.GetGuid(2),
                Scope = visible[i],
                Kind = (MemoryKind)reader.GetInt16(3),
                Text = string.Empty,
                Topic = Columns.ReadNullableString(reader, 4),
                Metadata = MetadataJson.Read(Columns.ReadNullableString(reader, 5)),
                CreatedAt = Columns.ReadTime(reader, 6),
                OccurredAt = Columns.ReadNullableTime(reader, 7),
                ExpiresAt = Columns.ReadNullableTime(reader, 8),
                ValidTo = Columns.ReadNullableTime(reader, 11),
            };
            if (Columns.ReadNullableTime(reader, 10) is { } validFrom)
            {
                header = header with { ValidFrom = validFrom };
            }

            entry.Items.Add((header, VectorCodec.Decode(reader.GetFieldValue<byte[]>(9))));
        }

        for (var i = 0; i < visible.Count; i++)
        {
            var key = visible[i].Key;
            if (!seen[i])
            {
                _cache.Remove(key);
                continue;
            }

            var (version, items) = rows[i];
            // Compare with the snapshot whose version was sent (the cache may have moved on meanwhile).
            // An index here is never changed once cached (a new version gets a new one), so readers share it.
            var cached = sent[i];
            if (cached is not null && cached.Generation == version)
            {
                snapshots[i] = cached;
                continue;
            }

            var index = new ScopeIndex(visible[i], keepEmbeddings: false) { Generation = version };
            index.Reserve(items.Count);
            foreach (var (header, vector) in items)
            {
                index.Put(header, vector);
            }

            snapshots[i] = index;
            _cache.Set(key, index);
        }

        _cache.Trim([.. snapshots.OfType<ScopeIndex>()]);
    }

    /// <summary>The core's vector search over the scopes' indexes (headers only), then one read of the winners' records.</summary>
    private async Task<List<ScoredMemory>> VectorSearchAsync(NpgsqlConnection connection, MemorySearchRequest request, ScopeIndex?[] snapshots, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var candidates = CandidateSearch.Search([.. snapshots.OfType<ScopeIndex>()], request, now, useVector: true, useText: false, static (_, header) => header).VectorMatches;
        if (candidates.Count == 0)
        {
            return [];
        }

        var records = new Dictionary<Guid, MemoryRecord>(candidates.Count);
        await using (var cmd = new NpgsqlCommand($"SELECT {Columns.Record} FROM {_s}.memories m WHERE m.id = ANY(@ids) AND {Columns.Visible} AND (m.expires_at IS NULL OR m.expires_at > @now)", connection))
        {
            cmd.Parameters.AddWithValue("ids", candidates.Select(m => m.Record.Id).ToArray());
            Columns.AddScope(cmd.Parameters, request.Scope);
            Columns.AddTime(cmd.Parameters, "now", now);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var r = Columns.ReadRecord(reader);
                records[r.Id] = r;
            }
        }

        var hits = new List<ScoredMemory>(candidates.Count);
        foreach (var m in candidates)
        {
            if (records.TryGetValue(m.Record.Id, out var r))
            {
                hits.Add(new ScoredMemory(r, m.Score));
            }
        }

        return hits;
    }
}
