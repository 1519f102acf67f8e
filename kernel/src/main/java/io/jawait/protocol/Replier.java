package io.jawait.protocol;

/** Sends replies on the socket a request came from; used only by that socket's thread. */
interface Replier {
    void send(Message reply);

    /**
     * Takes the requests already waiting on the socket aside, to be answered after the current reply. Called
     * when a cell fails with stop_on_error, before its reply leaves, so only requests sent before the client
     * could know of the failure are aborted.
     */
    void holdQueued();
}
