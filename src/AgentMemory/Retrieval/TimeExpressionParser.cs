using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentMemory.Retrieval;

/// <summary>
/// Recognises the time a query names, relative to a "now" the caller supplies (from its <see cref="TimeProvider"/>, or a
/// conversation's latest date in an evaluation): "yesterday", "last week", "this month", "3 days ago", "in May",
/// "in May 2023", "on 8 May 2023", "in 2022", "before June", "after the trip", "when did …".
/// </summary>
/// <remarks>Windows are computed in the offset of the supplied "now"; weeks start on Monday. English only.</remarks>
internal static partial class TimeExpressionParser
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Reads what <paramref name="query"/> says about time, relative to <paramref name="now"/>.</summary>
    public static QueryTimeInfo Parse(string? query, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return QueryTimeInfo.None;
        }

        var asksWhen = WhenRegex().IsMatch(query);
        var window = FindWindow(query, now);
        string? relation = null;
        string? anchor = null;
        var rel = RelativeEventRegex().Match(query);
        if (rel.Success)
        {
            var relWindow = ParseAbsolute(rel.Groups["rest"].Value, now);
            if (relWindow is { } w)
            {
                window = rel.Groups["rel"].Value.Equals("before", StringComparison.OrdinalIgnoreCase)
                    ? new TimeWindow(DateTimeOffset.MinValue, w.Start, rel.Value)
                    : new TimeWindow(w.End, DateTimeOffset.MaxValue, rel.Value);
            }
            else if (window is null)
            {
                relation = rel.Groups["rel"].Value.ToLowerInvariant();
                anchor = rel.Groups["rest"].Value.Trim();
            }
        }

        return window is null && !asksWhen && relation is null ? QueryTimeInfo.None : new QueryTimeInfo(window, asksWhen, relation, anchor);
    }

    private static TimeWindow? FindWindow(string query, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, now.Offset);
        var m = RelativeRegex().Match(query);
        if (m.Success)
        {
            var text = m.Value;
            var word = m.Groups["which"].Value.ToLowerInvariant();
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            if (m.Groups["day"].Success)
            {
                var d = m.Groups["day"].Value.ToLowerInvariant();
                return d switch
                {
                    "yesterday" or "last night" => new TimeWindow(today.AddDays(-1), today, text),
                    "tomorrow" => new TimeWindow(today.AddDays(1), today.AddDays(2), text),
                    _ => new TimeWindow(today, today.AddDays(1), text),
                };
            }

            if (m.Groups["n"].Success)
            {
                var n = ParseCount(m.Groups["n"].Value);
                var span = UnitSpan(m.Groups["agounit"].Value.ToLowerInvariant());
                var center = Subtract(today, span, n);
                var slack = Subtract(today, span, 1) - today; // one unit either way (negative span)
                return new TimeWindow(center + slack, center - slack + TimeSpan.FromDays(1), text);
            }

            var offset = word is "last" or "past" or "previous" ? -1 : word == "next" ? 1 : 0;
            return unit switch
            {
                "weekend" => Weekend(today, offset, text),
                "week" => Week(today, offset, text),
                "month" => Month(new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, now.Offset).AddMonths(offset), text),
                "year" => Year(now.Year + offset, now.Offset, text),
                _ => null,
            };
        }

        var abs = AbsoluteInRegex().Match(query);
        return abs.Success ? ParseAbsolute(abs.Value, now) : null;
    }

    /// <summary>Parses a date, month or year phrase ("8 May 2023", "May 2023", "May", "2022") into its window.</summary>
    internal static TimeWindow? ParseAbsolute(string text, DateTimeOffset now)
    {
        var m = DateRegex().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var monthText = m.Groups["month1"].Success ? m.Groups["month1"].Value : m.Groups["month2"].Value;
        var dayText = m.Groups["day1"].Success ? m.Groups["day1"].Value : m.Groups["day2"].Value;
        var yearText = m.Groups["year"].Value;
        var year = yearText.Length > 0 ? int.Parse(yearText, CultureInfo.InvariantCulture) : (int?)null;
        if (monthText.Length == 0)
        {
            return year is { } y ? Year(y, now.Offset, m.Value) : null;
        }

        var month = MonthNumber(monthText);
        if (month == 0)
        {
            return null;
        }

        // Without a year: the most recent such month (or day) not after now.
        var resolvedYear = year ?? (month > now.Month ? now.Year - 1 : now.Year);
        if (dayText.Length > 0 && int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && day >= 1 && day <= DateTime.DaysInMonth(resolvedYear, month))
        {
            var start = new DateTimeOffset(resolvedYear, month, day, 0, 0, 0, now.Offset);
            return new TimeWindow(start, start.AddDays(1), m.Value);
        }

        return Month(new DateTimeOffset(resolvedYear, month, 1, 0, 0, 0, now.Offset), m.Value);
    }

    /// <summary>1–12 for an English month name or its three-letter abbreviation ("Sept" too); 0 otherwise.</summary>
    internal static int MonthNumber(string name)
    {
        for (var i = 0; i < 12; i++)
        {
            if (name.Length >= 3 && MonthNames[i].StartsWith(name.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    internal static int ParseCount(string text) => text.ToLowerInvariant() switch
    {
        "a" or "an" or "one" => 1,
        "two" or "a couple of" or "couple of" => 2,
        "three" or "a few" or "few" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "several" => 4,
        var s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 1000) : 1,
    };

    internal static (int Days, int Months) UnitSpan(string unit) => unit.TrimEnd('s') switch
    {
        "day" => (1, 0),
        "week" => (7, 0),
        "month" => (0, 1),
        "year" => (0, 12),
        _ => (1, 0),
    };

    internal static DateTimeOffset Subtract(DateTimeOffset from, (int Days, int Months) unit, int count)
        => from.AddDays(-unit.Days * count).AddMonths(-unit.Months * count);

    internal static TimeWindow Week(DateTimeOffset today, int offset, string text)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(7 * offset);
        return new TimeWindow(monday, monday.AddDays(7), text);
    }

    /// <summary>
    /// The Saturday and Sunday of the Monday-based week <paramref name="offset"/> weeks from <paramref name="today"/>'s:
    /// "this weekend" said on a Wednesday is the coming one, said on a Sunday the one under way; "last weekend" is the
    /// one of the week before, "next weekend" the one of the week after.
    /// </summary>
    internal static TimeWindow Weekend(DateTimeOffset today, int offset, string text)
    {
        var week = Week(today, offset, text);
        return new TimeWindow(week.Start.AddDays(5), week.End, text);
    }

    internal static TimeWindow Month(DateTimeOffset first, string text) => new(first, first.AddMonths(1), text);

    internal static TimeWindow Year(int year, TimeSpan offset, string text)
    {
        var start = new DateTimeOffset(Math.Clamp(year, 1, 9998), 1, 1, 0, 0, 0, offset);
        return new TimeWindow(start, start.AddYears(1), text);
    }

    [GeneratedRegex(@"\b(when\b|what (?:year|month|date|day|time)\b|how long ago\b|which (?:year|month|day)\b|what week\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhenRegex();

    [GeneratedRegex(@"\b(?:(?<day>yesterday|today|tonight|tomorrow|last night|this morning|this afternoon|this evening)|(?<which>last|this|next|past|previous)\s+(?<unit>weekend|week|month|year)|(?<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|several)\s+(?<agounit>days?|weeks?|months?|years?)\s+ago)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeRegex();

    [GeneratedRegex(@"\b(?:in|on|during|since|of|from)\s+(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:19|20)\d{2})\b(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+(?:19|20)\d{2})?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteInRegex();

    [GeneratedRegex(@"\b(?:(?<day1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?<month1>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\p{L})\.?(?:\s+(?<day2>\d{1,2})(?:st|nd|rd|th)?\b)?(?:,?\s+(?<year>(?:19|20)\d{2}))?|\b(?<year>(?:19|20)\d{2})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"\b(?<rel>before|after)\s+(?<rest>(?:the|his|her|their|my|our|your|a|an)\s+[\p{L}\p{N}' -]{2,40}?|[\p{L}\p{N} ,]{3,30}?)(?=[?.!,;]|$|\s+(?:and|but|when|did|was|is)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativeEventRegex();
}
