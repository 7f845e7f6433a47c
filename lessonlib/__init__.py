"""lessonlib: the small neural-network library behind the lessons.

Each module names its public functions and classes in its ``__all__``, and the
package gathers them all: ``from lessonlib import relu`` works for every name a
lesson uses. Plotting lives apart, in `lessonlib.plots`, so importing this
package never imports matplotlib.
"""

from lessonlib import (
    activations,
    backprop,
    classify,
    gradient_check,
    gradients,
    layers,
    losses,
    network,
    predict,
    saving,
    training,
)
from lessonlib.activations import *
from lessonlib.backprop import *
from lessonlib.classify import *
from lessonlib.gradient_check import *
from lessonlib.gradients import *
from lessonlib.layers import *
from lessonlib.losses import *
from lessonlib.network import *
from lessonlib.predict import *
from lessonlib.saving import *
from lessonlib.training import *

__version__ = "0.1.0"

__all__ = [
    *activations.__all__,
    *network.__all__,
    *predict.__all__,
    *losses.__all__,
    *gradients.__all__,
    *layers.__all__,
    *backprop.__all__,
    *training.__all__,
    *classify.__all__,
    *gradient_check.__all__,
    *saving.__all__,
]
