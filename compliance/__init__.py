"""ZRomS-1 compliance checker: municipalities' duties towards the Roma community."""
