using TorchSharp;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>A copy of a module's parameters and buffers (the best checkpoint kept in memory during training).</summary>
public sealed class ModuleSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _values;

    public ModuleSnapshot(nn.Module module)
    {
        using var noGrad = no_grad();
        _values = module.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone().DetachFromDisposeScope());
    }

    /// <summary>Reads a snapshot of <paramref name="module"/>'s parameters and buffers written by <see cref="Write"/>.</summary>
    public ModuleSnapshot(nn.Module module, BinaryReader reader)
    {
        _values = new Dictionary<string, Tensor>();
        try
        {
            foreach (var (name, value) in module.state_dict())
            {
                var saved = empty_like(value).DetachFromDisposeScope();
                _values[name] = saved;
                if (reader.ReadString() != name) throw new InvalidDataException($"the saved weights do not name '{name}' where expected");
                TensorBinary.ReadInto(reader, saved, name);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Writes the values in the order of the module's state dict, each with its name.</summary>
    public void Write(BinaryWriter writer)
    {
        foreach (var (name, value) in _values)
        {
            writer.Write(name);
            TensorBinary.Write(writer, value);
        }
    }

    public void RestoreInto(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in module.state_dict())
            value.copy_(_values[name]);
    }

    public void Dispose()
    {
        foreach (var t in _values.Values) t.Dispose();
    }
}
