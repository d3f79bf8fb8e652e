// Package standin holds a temporary stand-in for engine/config, engine/sim
// and engine/results, with the same signatures, so the browser side can be
// built and tested before the engine lands. Delete it once main has them.
package standin
