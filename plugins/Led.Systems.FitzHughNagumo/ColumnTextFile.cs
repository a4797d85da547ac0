using System.Globalization;

namespace Led.Systems.FitzHughNagumo;

/// <summary>
/// The reference's column text format: one number per line (e.g. <c>y00u.txt</c>, <c>data_min.txt</c>). Blank lines
/// are skipped; numbers use the invariant culture.
/// </summary>
public static class ColumnTextFile
{
    /// <summary>The numbers of <paramref name="path"/>, in order.</summary>
    public static double[] Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var values = new List<double>();
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0) continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw new FormatException($"{path}:{lineNumber}: '{text}' is not a number (one number per line expected)");
            values.Add(value);
        }
        return [.. values];
    }

    /// <summary>
    /// A channel-major observable [u…, v…] from an activator file and an inhibitor file of equal length
    /// (e.g. <c>y00u.txt</c> and <c>y00v.txt</c>).
    /// </summary>
    public static double[] ReadObservable(string activatorPath, string inhibitorPath)
    {
        double[] u = Read(activatorPath), v = Read(inhibitorPath);
        if (u.Length != v.Length)
            throw new FormatException($"{activatorPath} holds {u.Length} values but {inhibitorPath} holds {v.Length}; both need one per node");
        return [.. u, .. v];
    }

    /// <summary>Writes <paramref name="values"/> one per line in round-trip precision.</summary>
    public static void Write(string path, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path);
        foreach (double value in values) writer.WriteLine(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
