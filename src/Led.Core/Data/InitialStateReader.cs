using System.Globalization;
using Led.Abstractions.Systems;
using PureHDF;

namespace Led.Core.Data;

/// <summary>
/// Reads a given initial state: a plain-text file (one row per grid point with one column per channel, or one value
/// per line, channel-major), or an HDF5 dataset named <c>file.h5:/path/to/dataset</c> whose first snapshot is taken.
/// </summary>
public static class InitialStateReader
{
    public static double[] Read(string spec, SystemDescription description)
    {
        int h5 = spec.IndexOf(".h5:", StringComparison.OrdinalIgnoreCase);
        double[] values = h5 >= 0 ? ReadHdf5(spec[..(h5 + 3)], spec[(h5 + 4)..], description.Size) : ReadText(spec, description);
        if (values.Length != description.Size)
            throw new InvalidDataException($"initial state {spec} holds {values.Length} values, the system needs {description.Size} " +
                                           $"({description.Channels.Count} channel(s) × {string.Join(" × ", description.Grid)} points)");
        if (values.Any(v => !double.IsFinite(v))) throw new InvalidDataException($"initial state {spec} contains a non-finite value");
        return values;
    }

    private static double[] ReadText(string path, SystemDescription description)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"initial state file not found: {path}", path);
        var rows = File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select((line, i) => line.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries).Select(v =>
                double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x
                    : throw new InvalidDataException($"{path} line {i + 1}: '{v}' is not a number")).ToArray()).ToList();
        int columns = rows.Count == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r.Length != columns)) throw new InvalidDataException($"{path}: rows have different numbers of columns");
        if (columns <= 1) return rows.SelectMany(r => r).ToArray();
        if (columns != description.Channels.Count)
            throw new InvalidDataException($"{path} has {columns} columns; expected one per channel ({string.Join(", ", description.Channels)})");
        // columns are channels: transpose to channel-major
        return Enumerable.Range(0, columns).SelectMany(c => rows.Select(r => r[c])).ToArray();
    }

    private static double[] ReadHdf5(string path, string dataset, int size)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"initial state file not found: {path}", path);
        using var file = H5File.OpenRead(path);
        var all = file.Dataset(dataset).Read<double[]>();
        if (all.Length < size) return all;
        return all[..size];
    }
}
