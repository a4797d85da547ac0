using System.Collections;
using System.IO.Compression;
using Led.Abstractions.Learning;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// Loads a PyTorch state dict (<c>torch.save(model.state_dict())</c>, e.g. the paper's trained models) into our
/// components. Every parameter is matched by name (through <see cref="IReferenceParameterNames"/>), shape and dtype;
/// all mismatches and unused tensors are reported together and nothing is loaded unless everything fits. Pickle
/// globals that would run code are refused by the unpickler; the archive's sizes and every tensor's declared size (against
/// the bytes its storage holds, <see cref="PickleTensorScan"/>) are checked before anything is allocated.
/// </summary>
public static class PyTorchImport
{
    /// <summary>Largest archive (uncompressed) accepted.</summary>
    public const long MaximumBytes = 4L << 30;

    /// <param name="path">The .pt / .pth file.</param>
    /// <param name="components">The components to fill (autoencoder, propagator…): each must be <see cref="ITrainable"/>.</param>
    /// <returns>How many tensors were loaded.</returns>
    public static int Import(string path, IEnumerable<object> components)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PyTorch weights not found: {path}", path);
        CheckArchive(path);
        Hashtable source;
        try
        {
            source = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception ex) when (ex.Message.Contains("ClassDict", StringComparison.Ordinal))
        {
            // The unpickler met a class it would have to construct: code or an object, never a tensor of a state dict.
            int start = ex.Message.IndexOf("(for ", StringComparison.Ordinal), end = ex.Message.IndexOf(')', Math.Max(start, 0));
            throw new InvalidDataException(NotTensors(path, start >= 0 && end > start ? ex.Message[(start + 5)..end] : "an object"), ex);
        }
        catch (Exception ex)
        {
            throw new InvalidDataException($"{path} is not a readable PyTorch state dict: {ex.Message}", ex);
        }
        var objects = source.Cast<DictionaryEntry>().Where(e => e.Value is not Tensor).Select(e => $"'{e.Key}'").ToList();
        if (objects.Count > 0) throw new InvalidDataException(NotTensors(path, string.Join(", ", objects)));
        var tensors = source.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (Tensor)e.Value!);
        var errors = new List<string>();
        var plan = new List<(Tensor Target, Tensor Source)>();
        var used = new HashSet<string>();
        foreach (var component in components)
        {
            if (component is not ITrainable trainable)
            {
                errors.Add($"{component.GetType().Name} has no trainable parameters to import into (closed-form components are fitted, not imported)");
                continue;
            }
            var names = (component as IReferenceParameterNames)?.ReferenceNames ?? new Dictionary<string, string>();
            foreach (var (name, target) in trainable.Module.state_dict())
            {
                string sourceName = names.TryGetValue(name, out var mapped) ? mapped : name;
                if (!tensors.TryGetValue(sourceName, out var tensor))
                {
                    errors.Add($"{component.GetType().Name}.{name}: no tensor '{sourceName}' in the file");
                    continue;
                }
                used.Add(sourceName);
                if (!tensor.shape.SequenceEqual(target.shape))
                    errors.Add($"{component.GetType().Name}.{name}: shape [{string.Join(", ", tensor.shape)}] in the file, [{string.Join(", ", target.shape)}] configured");
                else if (tensor.dtype == ScalarType.Float64 && target.dtype == ScalarType.Float32)
                    errors.Add($"{component.GetType().Name}.{name}: the file holds float64 weights; set precision to float64 so they load without loss");
                else if (!tensor.is_floating_point())
                    errors.Add($"{component.GetType().Name}.{name}: the file holds {tensor.dtype}, not floating point");
                else if (!AllFinite(tensor))
                    errors.Add($"{component.GetType().Name}.{name}: '{sourceName}' holds non-finite values (NaN or ±∞): the model diverged when it was trained; export a model that trained well");
                else
                    plan.Add((target, tensor));
            }
        }
        foreach (var unused in tensors.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal))
            errors.Add($"'{unused}' in the file is used by none of the configured components (is this the configuration the model was trained with?)");
        if (errors.Count > 0)
            throw new InvalidDataException($"{path} does not fit the configured components:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors));
        using (no_grad())
            foreach (var (target, tensor) in plan)
                target.copy_(tensor.to(target.dtype).to(target.device));
        foreach (var t in tensors.Values) t.Dispose();
        return plan.Count;
    }

    private static bool AllFinite(Tensor tensor)
    {
        using var finite = tensor.isfinite();
        using var all = finite.all();
        return all.item<bool>();
    }

    private static string NotTensors(string path, string what) =>
        $"{path} holds code or objects that are not tensors ({what}): they are not loaded; save only the weights with torch.save(model.state_dict())";

    private static void CheckArchive(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length < 0 || entry.Length > MaximumBytes) throw new InvalidDataException($"{path}: entry {entry.FullName} declares {entry.Length} bytes");
                total += entry.Length;
            }
            if (total > MaximumBytes)
                throw new InvalidDataException($"{path}: the archive unpacks to {total} bytes, more than the {MaximumBytes} accepted");
            PickleTensorScan.Check(zip, path, MaximumBytes);
        }
        catch (InvalidDataException ex) when (ex.Message.StartsWith(path, StringComparison.Ordinal)) { throw; }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new InvalidDataException($"{path} is not a PyTorch archive (torch.save's zip format): {ex.Message}", ex);
        }
    }
}
