using DatRules.Nowcasting;

namespace DatRules.Data;

/// <summary>The announcements of an events file (<see cref="AnnouncementCsv"/>), each with its line, so that a nowcast names the line at fault.</summary>
public sealed class AnnouncementFile
{
    private readonly Dictionary<Announcement, int> _lines;

    /// <summary>Initializes the file's announcements.</summary>
    /// <param name="sourceName">The file name errors give.</param>
    /// <param name="rows">Each announcement and its line.</param>
    public AnnouncementFile(string sourceName, IEnumerable<(Announcement Announcement, int Line)> rows)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        SourceName = sourceName;
        Announcements = [.. list.Select(r => r.Announcement)];
        _lines = list.ToDictionary(r => r.Announcement, r => r.Line);
    }

    /// <summary>Gets the file name errors give.</summary>
    public string SourceName { get; }

    /// <summary>Gets the announcements, in file order.</summary>
    public IReadOnlyList<Announcement> Announcements { get; }

    /// <summary>Gets the line of an announcement of this file (0 when it is not one of them).</summary>
    /// <param name="announcement">The announcement.</param>
    /// <returns>The 1-based line.</returns>
    public int LineOf(Announcement announcement) => _lines.GetValueOrDefault(announcement);
}
