package io.tracegate.it;

/** Implemented by the one Arquillian test class; scenario interfaces get the deployed API through it. */
public interface ApiScenarios {

    Api api();
}
