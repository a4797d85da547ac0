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
