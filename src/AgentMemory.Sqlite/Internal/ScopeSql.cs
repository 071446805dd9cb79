namespace AgentMemory.Sqlite.Internal;

/// <summary>SQL fragments that restrict a query to scopes, always bound through parameters.</summary>
internal static class ScopeSql
{
    private static readonly string[] VisibleFragments = [.. Enumerable.Range(0, 9).Select(n =>
        "(SELECT id FROM scopes WHERE key IN (" + string.Join(", ", Enumerable.Range(0, n).Select(i => "$k" + i)) + "))")];

    /// <summary>Scope ids a reader may see: binds <c>$k0…$kN</c>.</summary>
    public static string Visible(int count) => VisibleFragments[count];

    /// <summary>Scope ids lying within a scope (<see cref="MemoryScope.Contains"/>): binds <c>$wt, $wu, $wa, $ws</c>.</summary>
    public const string Within =
        "(SELECT id FROM scopes WHERE tenant = $wt AND ($wu IS NULL OR user_id = $wu) AND ($wa IS NULL OR agent_id = $wa) AND ($ws IS NULL OR session_id = $ws))";

    /// <summary>Exactly one scope: binds <c>$ek</c>.</summary>
    public const string Exact = "(SELECT id FROM scopes WHERE key = $ek)";

    public static IReadOnlyList<MemoryScope> BindVisible(SqliteCommand cmd, MemoryScope scope)
    {
        var visible = scope.VisibleScopes();
        for (var i = 0; i < visible.Count; i++)
        {
            cmd.Parameters.AddWithValue("$k" + i, visible[i].Key);
        }

        return visible;
    }

    public static void BindWithin(SqliteCommand cmd, MemoryScope scope)
    {
        cmd.Parameters.AddWithValue("$wt", scope.TenantId);
        cmd.Parameters.AddWithValue("$wu", SqliteValues.ToDb(scope.UserId));
        cmd.Parameters.AddWithValue("$wa", SqliteValues.ToDb(scope.AgentId));
        cmd.Parameters.AddWithValue("$ws", SqliteValues.ToDb(scope.SessionId));
    }

    /// <summary>The fragment for <paramref name="match"/>, and binds it.</summary>
    public static string Bind(SqliteCommand cmd, MemoryScope scope, ScopeMatch match)
    {
        switch (match)
        {
            case ScopeMatch.Exact:
                cmd.Parameters.AddWithValue("$ek", scope.Key);
                return Exact;
            case ScopeMatch.Visible:
                return Visible(BindVisible(cmd, scope).Count);
            case ScopeMatch.Within:
                BindWithin(cmd, scope);
                return Within;
            default:
                throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown scope match.");
        }
    }

    /// <summary>The fragment for <paramref name="match"/> without binding (to pick the cached command text).</summary>
    public static string Fragment(MemoryScope scope, ScopeMatch match) => match switch
    {
        ScopeMatch.Exact => Exact,
        ScopeMatch.Visible => Visible(scope.VisibleScopes().Count),
        ScopeMatch.Within => Within,
        _ => throw new ArgumentOutOfRangeException(nameof(match), match, "Unknown scope match."),
    };
}
