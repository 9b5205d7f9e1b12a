// The declaration in include/CFuzzDriver.h is all this target provides; the function is libFuzzer's.
#include "CFuzzDriver.h"
