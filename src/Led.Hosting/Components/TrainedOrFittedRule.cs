using Led.Abstractions.Learning;
using Led.Abstractions.Plugins;

namespace Led.Hosting.Components;

/// <summary>
/// An autoencoder or propagator is either trained by gradient (<see cref="ITrainable"/>) or fitted in closed form
/// (<see cref="IFittable"/>): with neither it cannot be trained at all, with both it is ambiguous which one to do.
/// </summary>
public sealed class TrainedOrFittedRule : IRegistrationRule
{
    public string? Check(ComponentRegistration registration)
    {
        if (registration.Kind is not (ComponentKind.Autoencoder or ComponentKind.Propagator)) return null;
        var type = registration.ImplementationType;
        bool trainable = typeof(ITrainable).IsAssignableFrom(type), fittable = typeof(IFittable).IsAssignableFrom(type);
        if (trainable && fittable)
            return $"{type.FullName} implements both ITrainable and IFittable, so it is unclear whether to train it by gradient or " +
                   "fit it in closed form: implement one of them";
        if (!trainable && !fittable)
            return $"{type.FullName} implements neither ITrainable nor IFittable, so it can be neither trained nor fitted: implement " +
                   "ITrainable (a module trained by gradient) or IFittable (a closed-form fit)";
        return null;
    }
}
