using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// AdaBelief (Zhuang et al. 2020) as the reference used it (adabelief_pytorch 0.2.1: ε = 1e−16, decoupled weight
/// decay of 0, no rectification): m ← β₁m + (1−β₁)g; s ← β₂s + (1−β₂)(g−m)² + ε;
/// θ ← θ − (lr/(1−β₁ᵗ))·m/(√s/√(1−β₂ᵗ) + ε).
/// </summary>
public sealed class AdaBelief : IGradientOptimizer, IDisposable
{
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _m, _s;
    private readonly double _lr, _beta1, _beta2, _eps;
    private int _step;

    public AdaBelief(IEnumerable<Parameter> parameters, double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-16)
    {
        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        _m = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        _s = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        (_lr, _beta1, _beta2, _eps) = (learningRate, beta1, beta2, epsilon);
    }

    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.grad?.zero_();
    }

    public void Step()
    {
        _step++;
        double bias1 = 1 - Math.Pow(_beta1, _step), bias2 = 1 - Math.Pow(_beta2, _step);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            var g = _parameters[i].grad;
            if (g is null) continue;
            _m[i].mul_(_beta1).add_(g, alpha: 1 - _beta1);
            var diff = g - _m[i];
            _s[i].mul_(_beta2).addcmul_(diff, diff, value: 1 - _beta2).add_(_eps);
            var denominator = _s[i].sqrt().div_(Math.Sqrt(bias2)).add_(_eps);
            _parameters[i].addcdiv_(_m[i], denominator, value: -_lr / bias1);
        }
    }

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(_step);
        writer.Write(_parameters.Length);
        foreach (var t in _m.Concat(_s)) TensorBinary.Write(writer, t);
    }

    public void LoadState(BinaryReader reader)
    {
        int step = reader.ReadInt32();
        if (reader.ReadInt32() != _parameters.Length) throw new InvalidDataException("AdaBelief: the saved state is for another number of parameters");
        foreach (var t in _m.Concat(_s)) TensorBinary.ReadInto(reader, t, "AdaBelief moment");
        _step = step;
    }

    public void Dispose()
    {
        foreach (var t in _m.Concat(_s)) t.Dispose();
    }
}
