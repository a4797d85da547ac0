using System.Reflection;
using Led.Abstractions.Systems;
using PureHDF;

namespace Led.Core.Data;

/// <summary>
/// Reads and writes <see cref="LedDataset"/> as HDF5 (readable by h5py):
/// <c>/train/trajectories</c>, <c>/validation/trajectories</c>, <c>/test/trajectories</c>, each
/// <c>[trajectory, time, …observable shape]</c> float64 (or float32, <c>data.storage</c>), unscaled; root attributes <c>system</c>,
/// the observable's (<see cref="ObservableAttributes"/>), <c>scaler_min</c>, <c>scaler_max</c>, <c>provenance</c> (JSON).
/// Optional, when the system offers them: scalar series per split, <c>/&lt;split&gt;/series/&lt;name&gt;</c> <c>[trajectory, time]</c>
/// (<see cref="IScalarSeries"/>), and the system's attributes (root) and fixed fields <c>/fields/&lt;name&gt;</c> <c>[grid…]</c>
/// (<see cref="IDatasetMetadata"/>); reading keeps the fixed fields (<see cref="StoredDatasetMetadata"/>) and ignores the rest.
/// Written to a temporary file and renamed, so a failed write leaves nothing.
/// </summary>
public static class DatasetFile
{
    public const string Format = "led-dataset";
    private static readonly string[] Splits = ["train", "validation", "test"];

    /// <param name="singlePrecision">Store the trajectories as float32 (half the size, e.g. for flow fields); they are read back as float64.</param>
    public static void Write(string path, LedDataset dataset, string provenanceJson, bool singlePrecision = false)
    {
        var file = new H5File();
        foreach (var (name, set) in Splits.Zip([dataset.Train, dataset.Validation, dataset.Test]))
        {
            var dims = set.Shape.Select(d => (ulong)d).ToArray();
            var group = new H5Group
            {
                ["trajectories"] = singlePrecision
                    ? new H5Dataset(Array.ConvertAll(set.Values, v => (float)v), fileDims: dims)
                    : new H5Dataset(set.Values, fileDims: dims),
            };
            if (dataset.Series?.GetValueOrDefault(name) is { } series)
            {
                var seriesGroup = new H5Group();
                for (int k = 0; k < series.Names.Count; k++)
                    seriesGroup[series.Names[k]] = new H5Dataset(series.Series(k).ToArray(), fileDims: [(ulong)series.Count, (ulong)series.Length]);
                group["series"] = seriesGroup;
            }
            file[name] = group;
        }
        var d = dataset.Description;
        file.Attributes["format"] = Format;
        file.Attributes["format_version"] = 1;
        file.Attributes["system"] = dataset.SystemName;
        ObservableAttributes.Write(file.Attributes, d);
        file.Attributes["scaler_min"] = dataset.Scaler.Min;
        file.Attributes["scaler_max"] = dataset.Scaler.Max;
        file.Attributes["provenance"] = provenanceJson;
        file.Attributes["written_by"] = $"LED.NET {typeof(DatasetFile).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]}";
        if (dataset.Metadata is { } metadata)
        {
            foreach (var (name, value) in metadata.Attributes)
                if (!file.Attributes.TryAdd(name, value))
                    throw new InvalidOperationException($"the system's dataset attribute '{name}' is reserved by the dataset format: rename it in the plugin");
            if (metadata.Fields.Count > 0)
            {
                var fields = new H5Group();
                foreach (var (name, field) in metadata.Fields)
                    fields[name] = new H5Dataset(field, fileDims: d.Grid.Select(g => (ulong)g).ToArray());
                file["fields"] = fields;
            }
        }
        WriteAtomically(path, p => file.Write(p));
    }

    /// <summary>Reads a dataset; a missing, damaged or foreign file gives an <see cref="InvalidDataException"/> naming the problem.</summary>
    public static LedDataset Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"dataset not found: {path} (simulate the config's system to create it)", path);
        try
        {
            using var file = H5File.OpenRead(path);
            if (!file.AttributeExists("format") || file.Attribute("format").Read<string>() != Format)
                throw new InvalidDataException($"{path} is not an LED.NET dataset (no format attribute '{Format}')");
            var description = ObservableAttributes.Read(file);
            var sets = Splits.Select(s =>
            {
                var ds = file.Dataset($"/{s}/trajectories");
                var dims = ds.Space.Dimensions;
                if (!dims.Skip(2).Select(x => (int)x).SequenceEqual(description.Shape))
                    throw new InvalidDataException($"{path}: /{s}/trajectories has shape [{string.Join(", ", dims)}], expected [n, T, {string.Join(", ", description.Shape)}]");
                if (ds.Type.Class != H5DataTypeClass.FloatingPoint || ds.Type.Size is not (4 or 8))
                    throw new InvalidDataException($"{path}: /{s}/trajectories holds {ds.Type.Class} values of {ds.Type.Size} bytes, not float32 or float64: " +
                                                   "write the trajectories as floating point (e.g. numpy float64)");
                var values = ReadValues(ds);
                var set = new TrajectorySet((int)dims[0], (int)dims[1], dims.Skip(2).Select(x => (int)x).ToArray(), values);
                FiniteValues.Require(set, s, path, "simulate the dataset again (with a smaller micro time step if the simulation diverged)");
                return set;
            }).ToArray();
            var scaler = new MinMaxScaler(file.Attribute("scaler_min").Read<double[]>(), file.Attribute("scaler_max").Read<double[]>(), description.Observable);
            var fields = FieldShapes(file).ToDictionary(f => f.Key, f => ReadValues(file.Dataset($"/fields/{f.Key}")));
            return new LedDataset(file.Attribute("system").Read<string>(), description, sets[0], sets[1], sets[2], scaler)
            {
                Metadata = fields.Count > 0 ? new StoredDatasetMetadata(fields) : null,
            };
        }
        catch (Exception ex) when (ex is not InvalidDataException and not FileNotFoundException)
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            throw new InvalidDataException($"{path} cannot be read as an LED.NET dataset: {inner.Message}", inner);
        }
    }

    /// <summary>
    /// Trajectories and samples per trajectory of the training, validation and test splits, read from the file's
    /// dataset shapes without reading the values; null when the file cannot be read (<see cref="Read"/> names the problem).
    /// </summary>
    public static (long Trajectories, long Samples)[]? SplitSizesOf(string path)
    {
        try
        {
            using var file = H5File.OpenRead(path);
            return Splits.Select(s => file.Dataset($"/{s}/trajectories").Space.Dimensions)
                .Select(dims => dims.Length >= 2 ? ((long)dims[0], (long)dims[1]) : throw new InvalidDataException("not [n, T, …]")).ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>
    /// The fixed fields <c>/fields/&lt;name&gt;</c> of a dataset file by name, with their shapes, without reading the values;
    /// empty when it has none, null when the file cannot be read (<see cref="Read"/> names the problem).
    /// </summary>
    public static IReadOnlyDictionary<string, int[]>? FieldShapesOf(string path)
    {
        try
        {
            using var file = H5File.OpenRead(path);
            return FieldShapes(file);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static Dictionary<string, int[]> FieldShapes(IH5Group file) =>
        !file.LinkExists("fields") ? []
            : file.Group("fields").Children().OfType<IH5Dataset>().ToDictionary(d => d.Name, d => d.Space.Dimensions.Select(x => (int)x).ToArray());

    /// <summary>A float32 or float64 dataset's values as float64.</summary>
    private static double[] ReadValues(IH5Dataset dataset) =>
        dataset.Type.Size == 4 ? Array.ConvertAll(dataset.Read<float[]>(), v => (double)v) : dataset.Read<double[]>();

    /// <summary>The <c>system</c> attribute of a dataset file, or null when the file has none or cannot be read (<see cref="Read"/> names the problem).</summary>
    public static string? SystemNameOf(string path)
    {
        try
        {
            using var file = H5File.OpenRead(path);
            return file.AttributeExists("system") ? file.Attribute("system").Read<string>() : null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="write"/> on a temporary path beside <paramref name="path"/>, then renames it.</summary>
    public static void WriteAtomically(string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = full + $".tmp-{Environment.ProcessId}";
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
