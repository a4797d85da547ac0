using Led.Toolkit.Learning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Propagators.Mlp;

/// <summary>
/// The parameters of <see cref="MlpPropagator"/>: hidden layers <c>hidden.0</c> … <c>hidden.{n−1}</c> (Linear) and the
/// output layer <c>head</c> (Linear), applied to the last dimension of the input.
/// </summary>
internal sealed class MlpPropagatorNetwork : nn.Module
{
    private readonly ModuleList<Linear> _hidden;
    private readonly Linear _head;
    private readonly MlpActivation _activation;
    private readonly bool _tanhplus, _residual;

    public MlpPropagatorNetwork(int latentDim, MlpPropagatorOptions options, Device device, ScalarType dtype) : base("MlpPropagator")
    {
        _activation = options.Activation;
        (_tanhplus, _residual) = (options.Output == MlpOutput.TanhPlus, options.Residual);
        _hidden = nn.ModuleList(Enumerable.Range(0, options.Layers)
            .Select(i => nn.Linear(i == 0 ? latentDim : options.Width, options.Width, device: device, dtype: dtype)).ToArray());
        _head = nn.Linear(options.Width, latentDim, device: device, dtype: dtype);
        register_module("hidden", _hidden);
        register_module("head", _head);
        ReferenceInitialisation.Apply(this);
    }

    /// <summary>The submodules are registered by name in the constructor; a parent module must not register the fields again.</summary>
    protected override void RegisterComponents()
    {
    }

    /// <summary>[…, d_z] → […, d_z].</summary>
    public Tensor Run(Tensor latents)
    {
        using var scope = NewDisposeScope();
        var x = latents;
        foreach (var layer in _hidden)
        {
            var y = layer.call(x);
            x = _activation switch
            {
                MlpActivation.Celu => nn.functional.celu(y, 1.0),
                MlpActivation.Tanh => y.tanh(),
                _ => nn.functional.relu(y),
            };
        }
        var linear = _head.call(x);
        Tensor output;
        if (!_tanhplus) output = _residual ? latents + linear : linear;
        else if (!_residual) output = linear.tanh().mul(0.5).add_(0.5);
        // tanhplus⁻¹(z) = artanh(2z − 1); inputs are clamped just inside (0, 1) to keep it finite
        else output = (latents.clamp(1e-6, 1 - 1e-6).mul(2).sub_(1).atanh() + linear).tanh().mul(0.5).add_(0.5);
        return output.MoveToOuterDisposeScope();
    }
}
