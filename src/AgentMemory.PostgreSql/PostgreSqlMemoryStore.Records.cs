using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace AgentMemory.PostgreSql;

public sealed partial class PostgreSqlMemoryStore
{
    private const int ListPageSize = 500;

    /// <inheritdoc />
    /// <remarks>The scope, expiry, filter, order, cursor and limit are all applied in SQL, one keyset page of at most 500 rows per read.</remarks>
    public async IAsyncEnumerable<MemoryRecord> ListAsync(MemoryScope scope, MemoryListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        options ??= MemoryListOptions.Default;
        var cursor = MemoryCursor.Read(scope, options);
        var filter = options.Filter ?? MemoryFilter.None;
        var predicate = Columns.Match(options.Match);
        var now = _time.GetUtcNow();
        var order = options.Order;
        var column = MemoryCursor.ByUpdate(order) ? "m.updated_at" : "m.created_at";
        var (direction, comparison) = MemoryCursor.IsDescending(order) ? (" DESC", "<") : (string.Empty, ">");
        var remaining = options.Limit ?? int.MaxValue;

        // Keyset pages (sort time, id): each page is one retried read, and PostgreSQL's uuid order equals Guid.CompareTo's.
        while (remaining > 0)
        {
            var pageSize = Math.Min(ListPageSize, remaining);
            var after = cursor;
            var page = await ReadAsync("list", async (c, ct) =>
            {
                var sql = new StringBuilder($"SELECT {Columns.Record} FROM {_s}.memories m WHERE {predicate}");
                await using var cmd = new NpgsqlCommand { Connection = c };
                Columns.AddScope(cmd.Parameters, scope);
                if (!options.IncludeExpired)
                {
                    sql.Append(" AND (m.expires_at IS NULL OR m.expires_at > @now)");
                    Columns.AddTime(cmd.Parameters, "now", now);
                }

                AppendFilter(sql, cmd.Parameters, filter);
                if (after is { } position)
                {
                    sql.Append(CultureInfo.InvariantCulture, $" AND ({column}, m.id) {comparison} (@lc, @lid)");
                    Columns.AddTime(cmd.Parameters, "lc", position.At);
                    cmd.Parameters.AddWithValue("lid", position.Id);
                }

                sql.Append(CultureInfo.InvariantCulture, $" ORDER BY {column}{direction}, m.id{direction} LIMIT ").Append(pageSize);
                cmd.CommandText = sql.ToString();
                var rows = new List<MemoryRecord>();
                await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    rows.Add(Columns.ReadRecord(reader));
                }

                return rows;
            }, cancellationToken).ConfigureAwait(false);

            foreach (var r in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return r;
            }

            if (page.Count < pageSize)
            {
                yield break;
            }

            remaining -= page.Count;
            cursor = new MemoryCursor(MemoryCursor.KeyOf(page[^1], order), page[^1].Id);
        }
    }

    /// <inheritdoc />
    public Task<long> CountAsync(MemoryScope scope, ScopeMatch match = ScopeMatch.Exact, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        var predicate = Columns.Match(match);
        var now = _time.GetUtcNow();
        return ReadAsync("count", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {_s}.memories m WHERE {predicate} AND (m.expires_at IS NULL OR m.expires_at > @now)", c);
            Columns.AddScope(cmd.Parameters, scope);
            Columns.AddTime(cmd.Parameters, "now", now);
            return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryHistoryEntry>> GetHistoryAsync(MemoryScope scope, Guid id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(scope);
        return ReadAsync<IReadOnlyList<MemoryHistoryEntry>>("history", async (c, ct) =>
        {
            await using var cmd = new NpgsqlCommand($"""
                SELECT m.tenant_id, m.user_id, m.agent_id, m.session_id, m.version, m.change, m.previous_text, m.new_text, m.at, m.reason
                FROM {_s}.memory_history m WHERE m.memory_id = @id AND {Columns.Visible} ORDER BY m.at, m.version, m.seq
                """, c);
            cmd.Parameters.AddWithValue("id", id);
            Columns.AddScope(cmd.Parameters, scope);
            var result = new List<MemoryHistoryEntry>();
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                result.Add(new MemoryHistoryEntry(
                    id,
                    Columns.ReadScope(reader, 0),
                    reader.GetInt64(4),
                    (MemoryChangeKind)reader.GetInt16(5),
                    Columns.ReadNullableString(reader, 6),
                    Columns.ReadNullableString(reader, 7),
                    Columns.ReadTime(reader, 8),
                    Columns.ReadNullableString(reader, 9)));
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>Appends SQL conditions (alias m) for <paramref name="filter"/>, with parameters only.</summary>
    private static void AppendFilter(StringBuilder sql, NpgsqlParameterCollection p, MemoryFilter filter)
    {
        if (filter.Kinds is { } kinds)
        {
            sql.Append(" AND m.kind = ANY(@kinds)");
            p.AddWithValue("kinds", kinds.Select(k => (short)k).ToArray());
        }

        if (filter.Topic is { } topic)
        {
            sql.Append(" AND lower(m.topic) = lower(@topic)");
            p.AddWithValue("topic", TextGuard.Clean(topic)!);
        }

        if (filter.Metadata is { Count: > 0 } metadata)
        {
            sql.Append(" AND m.metadata @> @meta::jsonb");
            p.AddWithValue("meta", MetadataJson.Write(TextGuard.Clean(metadata))!);
        }

        if (filter.MetadataAnyOf is { Count: > 0 } anyOf)
        {
            var i = 0;
            foreach (var (key, values) in anyOf)
            {
                sql.Append(CultureInfo.InvariantCulture, $" AND m.metadata ->> @mk{i} = ANY(@mv{i})");
                p.AddWithValue($"mk{i}", TextGuard.Clean(key)!);
                p.AddWithValue($"mv{i}", values is null ? [] : values.Select(v => TextGuard.Clean(v)!).ToArray());
                i++;
            }
        }

        AppendRange(sql, p, "m.created_at", "created", filter.CreatedAfter, filter.CreatedBefore);
        AppendRange(sql, p, "m.updated_at", "updated", filter.UpdatedAfter, filter.UpdatedBefore);
        if (filter.OccurredAfter is { } after)
        {
            sql.Append(" AND coalesce(m.occurred_at, m.created_at) >= @after");
            Columns.AddTime(p, "after", after);
        }

        if (filter.OccurredBefore is { } before)
        {
            sql.Append(" AND coalesce(m.occurred_at, m.created_at) < @before");
            Columns.AddTime(p, "before", before);
        }

        if (filter.ValidAt is { } validAt)
        {
            sql.Append(" AND coalesce(m.valid_from, m.occurred_at, m.created_at) <= @valid_at AND (m.valid_to IS NULL OR m.valid_to > @valid_at)");
            Columns.AddTime(p, "valid_at", validAt);
        }
        else if (!filter.IncludeSuperseded)
        {
            sql.Append(" AND m.valid_to IS NULL");
        }
    }

    /// <summary>Appends <c>from &lt;= column &lt; before</c> for the bounds that are set.</summary>
    private static void AppendRange(StringBuilder sql, NpgsqlParameterCollection p, string column, string name, DateTimeOffset? from, DateTimeOffset? before)
    {
        if (from is { } f)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} >= @{name}_from");
            Columns.AddTime(p, name + "_from", f);
        }

        if (before is { } b)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} < @{name}_before");
            Columns.AddTime(p, name + "_before", b);
        }
    }
}
